// `classify --format jsonl` appends its records by hand (cmd/jsonl_writer.cpp
// with cmd/json_out.hpp) instead of building a Json value per record. Its
// bytes must be those of the DOM-based writer it replaced
// (jsonl_dom_writer.hpp), for every shape of record: compared here on
// records the real engine makes (the command-line tests' toy rules with the
// fixture plugin, the shipped rules with the shipped plugins), on hand-made
// ones, and on random ones. The writer's files are compiled into this suite
// by their paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <demarche/engine.hpp>
#include <demarche/plugins.hpp>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

#include "jsonl_dom_writer.hpp"
#include "random_text.hpp"

namespace demarche::cli {
namespace {

// Reported or not, explained or not.
constexpr ReportOptions kOptionSets[] = {{0.5, false}, {0.5, true}, {0.0, true}, {0.95, false}};

std::string written(const Record& record, const ReportOptions& options, bool dom) {
  std::ostringstream out;
  const std::unique_ptr<Writer> writer =
      dom ? reference::make_dom_jsonl_writer(out, options) : make_jsonl_writer(out, options);
  writer->write(record);
  return out.str();
}

// The same bytes from both writers under every option set, and every line JSON.
void expect_same_bytes(const Record& record) {
  for (const ReportOptions& options : kOptionSets) {
    const std::string out = written(record, options, false);
    ASSERT_EQ(out, written(record, options, true))
        << "threshold " << options.threshold << (options.explain ? ", explain" : "");
    if (!out.empty()) {
      ASSERT_EQ(out.back(), '\n');
    }
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      ASSERT_TRUE(Json::parse(line).is_object()) << line;
    }
  }
}

std::shared_ptr<const Engine> engine_or_fail(const std::vector<std::string>& rules,
                                             const std::string& plugins) {
  const Loaded loaded = load_rules(rules);
  if (!loaded.ok()) throw std::runtime_error("rules did not load: " + rules.front());
  const std::shared_ptr<const PluginSet> set = load_plugins({plugins});
  if (set->plugins.empty()) throw std::runtime_error("no plugin loaded from " + plugins);
  return std::make_shared<const Engine>(loaded.engine->with_plugins(set));
}

// The command-line tests' toy rules, with the fixture plugin that adds
// evidence with a plugin note and a gesture=wave attribute.
const Engine& toy_engine() {
  static const std::shared_ptr<const Engine> engine =
      engine_or_fail({std::string(DEMARCHE_FIXTURES) + "/cli/rules"},
                     std::string(DEMARCHE_FIXTURE_PLUGINS) + "/good.so");
  return *engine;
}

// The shipped rules and plugins: source, target and modality attributes.
const Engine& shipped_engine() {
  static const std::shared_ptr<const Engine> engine = engine_or_fail(
      {std::string(DEMARCHE_SOURCE_DIR) + "/rules"}, std::string(DEMARCHE_SHIPPED_PLUGINS));
  return *engine;
}

// As the readers and the classify loop make them.
Record lines_record(const Engine& engine, std::size_t line, std::string text) {
  Record record;
  record.shape = Shape::kSentence;
  record.source = "-";
  record.line = line;
  record.id = line;
  record.text = std::move(text);
  record.sentences.push_back(engine.classify_sentence(record.text));
  return record;
}

Record text_record(const Engine& engine, const std::string& name, std::string text) {
  Record record;
  record.shape = Shape::kDocumentSentences;
  record.source = name;
  record.id = name;
  record.text = std::move(text);
  record.sentences = engine.classify_document(record.text);
  return record;
}

Record jsonl_record(const Engine& engine, Json id, Json passthrough, std::string text) {
  Record record;
  record.shape = Shape::kDocument;
  record.source = "in.jsonl";
  record.line = 1;
  record.id = std::move(id);
  record.passthrough = std::move(passthrough);
  record.text = std::move(text);
  record.sentences = engine.classify_document(record.text);
  return record;
}

const std::vector<std::string> kToySentences = {
    "Anna said hello to her friend today.",
    "The child waved at the bus and gave a wave.",
    "Tom never greeted the neighbours.",
    "Carl said goodbye at the door, then said hello to his friends.",
    "Anna said \"hello\" to her friend\t\x01 \xff\xc3 today \\ back.",
    "Zo\xC3\xAB said hello to her neighbours \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x91\x8B wave",
    "",
    "Nothing happens here.",
};

TEST(JsonlWriter, ToyRuleLinesAsTheDomWriter) {
  for (std::size_t i = 0; i < kToySentences.size(); ++i) {
    Record record = lines_record(toy_engine(), i + 1, kToySentences[i]);
    expect_same_bytes(record);
    record.name_source = true;  // several inputs: "file" follows the id
    record.source = "dir/a \"quoted\" \xff name.txt";
    expect_same_bytes(record);
  }
}

TEST(JsonlWriter, ToyRuleDocumentsAsTheDomWriter) {
  std::string article;
  for (const std::string& sentence : kToySentences) article += sentence + " ";
  expect_same_bytes(text_record(toy_engine(), "doc \xC3\xA9.txt", article));
  const Json passthrough = {{"lang", "en"},
                            {"meta", {{"n", -3}, {"list", {1, 2.5, nullptr, true, "\x01"}}}},
                            {"score", 0.1},
                            {"k\"ey\xff", "v\n"}};
  for (const Json& id : {Json(7), Json("a\tb"), Json(nullptr), Json(1.5), Json({{"x", 1}})}) {
    expect_same_bytes(jsonl_record(toy_engine(), id, passthrough, article));
    expect_same_bytes(jsonl_record(toy_engine(), id, Json::object(), kToySentences[0]));
    expect_same_bytes(jsonl_record(toy_engine(), id, Json::object(), ""));
  }
}

TEST(JsonlWriter, ShippedRulesAndPluginsAsTheDomWriter) {
  std::ifstream in(std::string(DEMARCHE_SOURCE_DIR) + "/docs/examples/sample-article.txt");
  const std::string article((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(article.empty());
  expect_same_bytes(text_record(shipped_engine(), "sample-article.txt", article));
  expect_same_bytes(
      jsonl_record(shipped_engine(), "sample", Json{{"url", "https://x/y"}}, article));
  std::istringstream lines(article);
  std::size_t line = 0;
  for (std::string text; std::getline(lines, text);) {
    expect_same_bytes(lines_record(shipped_engine(), ++line, text));
  }
  for (const char* text : {"Oslo expelled two Russian diplomats on Friday.",
                           "France threatened to expel the Iranian ambassador.",
                           "The EU did not impose sanctions on Moscow."}) {
    expect_same_bytes(lines_record(shipped_engine(), ++line, text));
  }
}

TEST(JsonlWriter, InputErrorsAsTheDomWriter) {
  Record line;
  line.shape = Shape::kSentence;
  line.id = 3;
  line.input_error = "line too long \xff";
  expect_same_bytes(line);
  line.shape = Shape::kDocumentSentences;
  line.id = "doc.txt";
  expect_same_bytes(line);

  Record jsonl;  // as the jsonl reader leaves a line it could not use
  jsonl.shape = Shape::kDocument;
  jsonl.id = nullptr;
  jsonl.input_error = "not valid JSON: syntax error";
  expect_same_bytes(jsonl);
  jsonl.id = 12;
  jsonl.passthrough = Json{{"lang", "fr"}};
  jsonl.input_error = "missing string field \"text\"";
  expect_same_bytes(jsonl);
}

// A sentence the engine never makes this way: every optional field filled,
// scores that print in every style, spans past the end of the text.
SentenceResult made_up_sentence(const std::string& text) {
  SentenceResult sentence;
  sentence.span = {4, 4 + text.size()};
  sentence.text = text;
  Evidence counted;
  counted.rule_id = "r.one";
  counted.weight = 0.975;
  counted.contribution = 1e-05;
  counted.spans = {{0, 3}, {2, 1000}, {5000, 6000}};
  Evidence shadowed = counted;
  shadowed.rule_id = "plugin:p\"q";
  shadowed.counted = false;
  shadowed.note = "overlaps r.one";
  shadowed.plugin_note = "because \x02";
  shadowed.weight = 1.0;
  shadowed.contribution = -0.0;
  Event event;
  event.type = "greeting";
  event.prior = 0.1;
  event.log_odds = 123456789.0;
  event.confidence = 0.6;
  event.evidence = {counted, shadowed};
  event.attributes = {{"modality", "threatened", "m"},
                      {"source", "", "a"},
                      {"k\xe0\x80", "v\xff", "x"},
                      {"modality", "denied", "n"},
                      {"target", "FRA", "a"}};
  Event faint = event;
  faint.type = "farewell";
  faint.confidence = 0.2;
  faint.attributes = {{"source", "NOR", "a"}, {"source", "", "b"}};
  Event odd = event;
  odd.type = "odd";
  odd.confidence = std::numeric_limits<double>::quiet_NaN();
  odd.prior = std::numeric_limits<double>::infinity();
  odd.log_odds = 1e-7;
  odd.attributes.clear();
  sentence.events = {event, faint, odd};
  Cancellation unless{"r.two", "farewell", {{0, 2}}, {{1, 3}, {3, 4}}, ""};
  Cancellation role{"r.three", "greeting", {{2, 3}}, {}, "source"};
  sentence.cancelled = {unless, role};
  return sentence;
}

TEST(JsonlWriter, MadeUpSentencesAsTheDomWriter) {
  Record record;
  record.shape = Shape::kSentence;
  record.id = 1;
  record.text =
      "Ab\xff\"cd\n\xC3\xA9"
      "f";
  record.sentences = {made_up_sentence(record.text)};
  expect_same_bytes(record);
  record.sentences.front().error = "pattern set out of memory";
  record.sentences.front().events.clear();
  expect_same_bytes(record);

  record.shape = Shape::kDocumentSentences;
  record.id = "d";
  record.sentences = {made_up_sentence("Ab"), made_up_sentence("\"cd"), SentenceResult{}};
  record.sentences.back().error = "failed";
  expect_same_bytes(record);
  record.shape = Shape::kDocument;
  record.passthrough = Json{{"a", 1}};
  expect_same_bytes(record);
  record.input_error = "too long";
  expect_same_bytes(record);
}

// The jsonl reader drops id, text, sentences and error from the fields it
// passes through, but a Record may hold them: they take our fields' places
// (and id and file their values), as they did in a Json object.
TEST(JsonlWriter, PassedThroughFieldsNamedLikeOursAsTheDomWriter) {
  Record record = jsonl_record(toy_engine(), 5, Json::object(), kToySentences[0]);
  for (const Json& passthrough :
       {Json{{"b", 1}, {"sentences", "mine"}, {"c", 2}}, Json{{"error", "mine"}, {"b", 1}},
        Json{{"b", 1}, {"id", "mine"}, {"file", "mine"}}, Json{{"file", 2}, {"error", nullptr}},
        Json::array({1, 2}), Json("not an object")}) {
    record.passthrough = passthrough;
    for (const bool name_source : {false, true}) {
      record.name_source = name_source;
      for (const char* error : {"", "bad"}) {
        record.input_error = error;
        expect_same_bytes(record);
      }
    }
  }
}

// Records of every shape with random text, spans, scores and attributes.
TEST(JsonlWriter, RandomRecordsAsTheDomWriter) {
  std::mt19937 random(4242);
  const auto below = [&](std::uint32_t n) {
    return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(random);
  };
  const auto text = [&] { return testing::random_text(random, 12); };
  const auto score = [&] { return std::uniform_real_distribution<double>(-0.2, 1.2)(random); };
  const auto spans = [&] {
    std::vector<Span> out(below(3));
    for (Span& span : out) span = {below(40), below(40)};
    return out;
  };
  for (int i = 0; i < 3000; ++i) {
    Record record;
    record.shape = static_cast<Shape>(below(3));
    record.name_source = below(4) == 0;
    record.source = text();
    record.id = below(2) == 0 ? Json(below(1000)) : Json(text());
    record.text = text() + text();
    if (record.shape == Shape::kDocument && below(2) == 0) record.passthrough = {{text(), text()}};
    if (below(8) == 0) record.input_error = text();
    for (std::uint32_t s = below(3) + (record.shape == Shape::kSentence ? 1 : 0); s > 0; --s) {
      SentenceResult sentence;
      sentence.span = {below(100), below(100)};
      sentence.text = text();
      if (below(10) == 0) sentence.error = text();
      for (std::uint32_t e = below(3); e > 0; --e) {
        Event event{text(), score(), score() * 10, score(), {}, {}};
        for (std::uint32_t v = below(3); v > 0; --v) {
          event.evidence.push_back({text(), text(), score(), score(), below(2) == 0,
                                    below(2) == 0 ? "" : text(), spans(),
                                    below(2) == 0 ? "" : text()});
        }
        const std::string keys[] = {"source", "target", "modality", text()};
        for (std::uint32_t a = below(4); a > 0; --a) {
          event.attributes.push_back({keys[below(4)], below(3) == 0 ? "" : text(), text()});
        }
        sentence.events.push_back(std::move(event));
      }
      for (std::uint32_t c = below(2); c > 0; --c) {
        sentence.cancelled.push_back(
            {text(), text(), spans(), spans(), below(2) == 0 ? "" : text()});
      }
      record.sentences.push_back(std::move(sentence));
    }
    ASSERT_NO_FATAL_FAILURE(expect_same_bytes(record)) << "record " << i;
  }
}

}  // namespace
}  // namespace demarche::cli

namespace demarche::cli {
namespace {

// Counts what a writer hands its stream, keeping none of it.
class CountingBuffer final : public std::streambuf {
 public:
  std::size_t total = 0;
  std::size_t largest_write = 0;

 protected:
  int_type overflow(int_type ch) override {
    if (!traits_type::eq_int_type(ch, traits_type::eof())) note(1);
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char*, std::streamsize size) override {
    note(static_cast<std::size_t>(size));
    return size;
  }

 private:
  void note(std::size_t size) {
    total += size;
    largest_write = std::max(largest_write, size);
  }
};

// Issue 14, item 9: the writer gathered a whole record's output before
// writing it, so one huge document's output (several times its text) was
// held whole in the writer as well as downstream. It now hands it over in
// blocks of about kWriterSpillBytes; the bytes are the same.
TEST(JsonlWriter, AHugeRecordIsWrittenInBoundedBlocks) {
  for (const Shape shape : {Shape::kDocument, Shape::kDocumentSentences}) {
    Record record;
    record.shape = shape;
    record.id = "big";
    const std::string sentence(100, 'x');
    for (std::size_t i = 0; i < 40000; ++i) {
      SentenceResult r;
      r.span = {i * 101, i * 101 + 100};
      r.text = sentence;
      record.text += sentence + ' ';
      record.sentences.push_back(std::move(r));
    }
    CountingBuffer counted;
    std::ostream out(&counted);
    make_jsonl_writer(out, ReportOptions{})->write(record);
    const std::string whole = written(record, ReportOptions{}, false);
    EXPECT_EQ(counted.total, whole.size());
    // kWriterSpillBytes (writer.hpp), and one sentence's output past it.
    constexpr std::size_t kBlock = std::size_t{1} << 20;
    EXPECT_GT(whole.size(), 4 * kBlock);
    EXPECT_LE(counted.largest_write, kBlock + 1024);
  }
}

}  // namespace
}  // namespace demarche::cli
