// --input jsonl: one JSON object per line, parsed with nlohmann::json. A line
// that cannot be used still becomes a record (with input_error set), so
// output stays aligned with input.
#include <string_view>

#include "reader.hpp"

namespace demarche::cli {
namespace {

// Deeper nesting is refused: nlohmann parses without recursion, but writing a
// value out again recurses once per level, and hostile input must not be
// able to exhaust the stack.
constexpr int kMaxDepth = 512;

// More keys are refused: an ordered object inserts each key after a linear
// search, so one record of 200,000 keys took nearly a minute to read.
constexpr std::size_t kMaxKeys = 10000;

// The longest piece of the offending input quoted in an error message: a bad
// byte at the end of a long `text` must not copy the whole text into it.
constexpr std::size_t kMaxQuoted = 40;

// nlohmann's message without its "[json.exception.parse_error.101] " prefix
// and with the quoted input ("; last read: '...'", "number overflow parsing
// '...'") shortened.
std::string parse_error_message(const char* what) {
  std::string message = what;
  if (message.starts_with("[json.exception.")) {
    if (const std::size_t end = message.find("] "); end != std::string::npos) {
      message.erase(0, end + 2);
    }
  }
  std::size_t begin = std::string::npos;
  for (const std::string_view opener : {"; last read: '", " parsing '"}) {
    if (const std::size_t at = message.find(opener); at != std::string::npos) {
      begin = at + opener.size();
      break;
    }
  }
  if (begin == std::string::npos) return message;
  // The quote ends the message, or is followed by "; expected ...".
  std::size_t end = message.rfind("'; expected ");
  if (end == std::string::npos || end < begin) end = message.size() - 1;
  if (end < begin || message[end] != '\'' || end - begin <= kMaxQuoted) return message;
  message.replace(begin, end - begin, message.substr(begin, kMaxQuoted) + "...");
  return message;
}

class JsonlReader final : public Reader {
 public:
  JsonlReader(std::istream& in, std::size_t first_line) : in_(in), line_(first_line - 1) {
    // Stops building a value below kMaxDepth levels and remembers that it did.
    callback_ = [this](int depth, Json::parse_event_t event, Json&) {
      if (event == Json::parse_event_t::key && ++keys_ > kMaxKeys) {
        too_many_keys_ = true;
        return false;
      }
      if ((event == Json::parse_event_t::object_start ||
           event == Json::parse_event_t::array_start) &&
          depth >= kMaxDepth) {
        too_deep_ = true;
        return false;
      }
      return true;
    };
  }

  bool next(Record& record) override {
    if (!read_line(in_, line_text_)) return false;
    if (!started_) skip_byte_order_mark(line_text_);
    started_ = true;
    ++line_;
    record.shape = Shape::kDocument;
    record.line = line_;
    record.id = nullptr;
    record.id_text = "null";
    record.passthrough = nullptr;  // no allocation for lines that cannot be used
    record.text.clear();
    record.input_error.clear();
    decode(record);
    return true;
  }

 private:
  void decode(Record& record) {
    if (line_text_.find_first_not_of(" \t\r\n") == std::string::npos) {
      record.input_error = "empty line, expected a JSON object";
      return;
    }
    Json value;
    too_deep_ = false;
    too_many_keys_ = false;
    keys_ = 0;
    try {
      value = Json::parse(line_text_, callback_);
    } catch (const Json::exception& e) {
      // parse_error, or out_of_range for a number beyond a double (1E400).
      record.input_error = "not valid JSON: " + parse_error_message(e.what());
      return;
    }
    if (too_many_keys_) {
      record.input_error = "more than " + std::to_string(kMaxKeys) + " keys in one record";
      return;
    }
    if (too_deep_) {
      record.input_error =
          "not valid JSON: nested deeper than " + std::to_string(kMaxDepth) + " levels";
      return;
    }
    if (!value.is_object()) {
      record.input_error = "not a JSON object";
      return;
    }
    // Of repeated keys nlohmann keeps the last value (at the first one's place).
    Json::object_t& fields = value.get_ref<Json::object_t&>();
    bool has_text = false;
    if (const auto text = fields.find("text"); text != fields.end() && text->second.is_string()) {
      record.text = std::move(text->second.get_ref<std::string&>());
      has_text = true;
    }
    if (const auto id = fields.find("id"); id != fields.end()) {
      record.id = std::move(id->second);
      record.id_text =
          record.id.is_string() ? record.id.get<std::string>() : to_json_text(record.id);
    }
    // What is left is passed through; `sentences` and `error` are the
    // output's own fields.
    for (const char* key : {"id", "text", "sentences", "error"}) fields.erase(key);
    record.passthrough = std::move(value);
    if (!has_text) record.input_error = "missing string field \"text\"";
  }

  std::istream& in_;
  std::string line_text_;
  std::size_t line_;
  bool started_ = false;
  Json::parser_callback_t callback_;
  bool too_deep_ = false;
  bool too_many_keys_ = false;
  std::size_t keys_ = 0;
};

}  // namespace

std::unique_ptr<Reader> make_jsonl_reader(std::istream& in, std::size_t first_line) {
  return std::make_unique<JsonlReader>(in, first_line);
}

}  // namespace demarche::cli
