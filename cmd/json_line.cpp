#include "json_line.hpp"

#include "utf8.hpp"

namespace demarche::cli {
namespace {

// Deeper nesting is refused rather than risking the stack on hostile input.
constexpr int kMaxDepth = 512;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::size_t pos() const { return pos_; }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  const std::string& error() const { return error_; }

  bool fail(const char* what) {
    if (error_.empty()) error_ = std::string(what) + " at column " + std::to_string(pos_ + 1);
    return false;
  }

  void skip_space() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++pos_;
    }
  }

  bool expect(char c, const char* what) {
    if (peek() != c) return fail(what);
    ++pos_;
    return true;
  }

  // A string literal at pos_; decoded into `*out` unless `out` is null.
  bool string(std::string* out) {
    if (!expect('"', "expected a string")) return false;
    for (;;) {
      const std::size_t run = pos_;
      while (!at_end() && plain(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      if (out != nullptr) out->append(text_.data() + run, pos_ - run);
      if (at_end()) return fail("unterminated string");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!escape(out)) return false;
      } else if (c < 0x20) {
        return fail("control character in string");
      } else {
        std::size_t skip = 0;
        const std::size_t length = utf8_sequence(text_, pos_, &skip);
        if (length == 0) return fail("invalid UTF-8 in string");
        if (out != nullptr) out->append(text_.data() + pos_, length);
        pos_ += length;
      }
    }
  }

  bool value(int depth) {
    switch (peek()) {
      case '"':
        return string(nullptr);
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number();
    }
  }

 private:
  static bool plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

  bool hex4(char32_t* code) {
    if (text_.size() - pos_ < 4) return fail("truncated \\u escape");
    *code = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return fail("invalid \\u escape");
      *code = *code * 16 + static_cast<char32_t>(digit);
    }
    return true;
  }

  bool escape(std::string* out) {
    ++pos_;  // the backslash
    if (at_end()) return fail("unterminated string");
    const char c = text_[pos_++];
    char plain_char = '\0';
    switch (c) {
      case '"':
        plain_char = '"';
        break;
      case '\\':
        plain_char = '\\';
        break;
      case '/':
        plain_char = '/';
        break;
      case 'b':
        plain_char = '\b';
        break;
      case 'f':
        plain_char = '\f';
        break;
      case 'n':
        plain_char = '\n';
        break;
      case 'r':
        plain_char = '\r';
        break;
      case 't':
        plain_char = '\t';
        break;
      case 'u':
        return unicode_escape(out);
      default:
        return fail("invalid escape in string");
    }
    if (out != nullptr) *out += plain_char;
    return true;
  }

  bool unicode_escape(std::string* out) {
    char32_t code = 0;
    if (!hex4(&code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return fail("unpaired surrogate in \\u escape");
    if (code >= 0xD800 && code <= 0xDBFF) {
      char32_t low = 0;
      if (text_.substr(pos_, 2) != "\\u") return fail("unpaired surrogate in \\u escape");
      pos_ += 2;
      if (!hex4(&low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in \\u escape");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    if (out != nullptr) append_utf8(*out, code);
    return true;
  }

  bool digits() {
    const std::size_t start = pos_;
    while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool number() {
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (!digits()) {
      return fail("expected a value");
    }
    if (peek() == '.') {
      ++pos_;
      if (!digits()) return fail("expected digits after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digits()) return fail("expected digits in exponent");
    }
    return true;
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return fail("expected a value");
    pos_ += word.size();
    return true;
  }

  bool array(int depth) {
    if (depth > kMaxDepth) return fail("nested too deeply");
    ++pos_;  // '['
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      skip_space();
      if (!value(depth)) return false;
      skip_space();
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      if (!expect(',', "expected ',' or ']'")) return false;
    }
  }

  bool object(int depth) {
    if (depth > kMaxDepth) return fail("nested too deeply");
    ++pos_;  // '{'
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      skip_space();
      if (!string(nullptr)) return false;
      skip_space();
      if (!expect(':', "expected ':'")) return false;
      skip_space();
      if (!value(depth)) return false;
      skip_space();
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      if (!expect(',', "expected ',' or '}'")) return false;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

// The top-level object, keeping each field's key and value bytes.
bool top_object(Parser& p, std::string_view line, std::vector<JsonField>& fields,
                std::string_view decode_key, std::string* decoded) {
  p.expect('{', "expected '{'");
  p.skip_space();
  if (p.peek() == '}') return p.expect('}', "expected '}'");
  for (;;) {
    p.skip_space();
    JsonField field;
    const std::size_t key_start = p.pos();
    if (!p.string(&field.key)) return false;
    field.raw_key = line.substr(key_start, p.pos() - key_start);
    p.skip_space();
    if (!p.expect(':', "expected ':'")) return false;
    p.skip_space();
    const std::size_t value_start = p.pos();
    if (field.key == decode_key && p.peek() == '"') {
      decoded->clear();
      if (!p.string(decoded)) return false;
    } else if (!p.value(1)) {
      return false;
    }
    field.raw_value = line.substr(value_start, p.pos() - value_start);
    fields.push_back(std::move(field));
    p.skip_space();
    if (p.peek() == '}') return p.expect('}', "expected '}'");
    if (!p.expect(',', "expected ',' or '}'")) return false;
  }
}

}  // namespace

std::string parse_object_line(std::string_view line, std::vector<JsonField>& fields,
                              std::string_view decode_key, std::string* decoded) {
  Parser p(line);
  p.skip_space();
  if (p.at_end()) return "empty line, expected a JSON object";
  if (p.peek() != '{') {
    // Tell "valid JSON of the wrong kind" from "not JSON at all".
    if (!p.value(0)) return "not valid JSON: " + p.error();
    p.skip_space();
    if (!p.at_end()) {
      p.fail("unexpected characters after the value");
      return "not valid JSON: " + p.error();
    }
    return "not a JSON object";
  }
  if (!top_object(p, line, fields, decode_key, decoded)) return "not valid JSON: " + p.error();
  p.skip_space();
  if (!p.at_end()) {
    p.fail("unexpected characters after the object");
    return "not valid JSON: " + p.error();
  }
  return {};
}

void decode_json_string(std::string_view raw, std::string& out) {
  out.clear();
  Parser p(raw);
  p.string(&out);
}

}  // namespace demarche::cli
