// `demarche classify`: input modes, output formats, threshold, and the promise
// of exactly one output record per input record, in order.
#include <gtest/gtest.h>

#include <cmath>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

// Sentences written for the toy rules in tests/fixtures/cli/rules.
constexpr const char* kHello = "Anna said hello to her friend today.";  // greeting 0.9
constexpr const char* kWave = "The child waved at the bus.";            // greeting 0.6
constexpr const char* kBye = "Carl said goodbye at the door.";          // farewell 0.8
constexpr const char* kNever = "Tom never greeted the neighbours.";     // cancelled by unless
constexpr const char* kPlain = "The train left on time.";               // nothing

RunResult classify(std::vector<std::string> args, RunOptions options = {}) {
  args.insert(args.begin(), {"classify", "--rules", toy_rules()});
  return run(args, options);
}

RunResult classify_input(const std::string& input, std::vector<std::string> args = {}) {
  RunOptions options;
  options.input = input;
  return classify(std::move(args), options);
}

TEST(Classify, LinesModeGivesOneRecordPerLineWithEventsAndEvidence) {
  const RunResult r = classify_input(std::string(kHello) + "\n" + kPlain + "\n" + kBye + "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["id"], 1);
  EXPECT_EQ(records[0]["sentence"], 0);
  EXPECT_EQ(records[0]["start"], 0);
  EXPECT_EQ(records[0]["end"], std::string(kHello).size());
  EXPECT_EQ(records[0]["text"], kHello);
  ASSERT_EQ(event_types(records[0]), std::vector<std::string>{"greeting"});
  const Json& event = records[0]["events"][0];
  EXPECT_NEAR(event["confidence"].get<double>(), 0.9, 1e-6);
  ASSERT_EQ(event["evidence"].size(), 1u);
  const Json& evidence = event["evidence"][0];
  EXPECT_EQ(evidence["rule"], "greeting.words.hello");
  ASSERT_FALSE(evidence["spans"].empty());
  ASSERT_EQ(evidence["spans"].size(), evidence["matched"].size());
  // Each matched text is exactly the bytes its span points at.
  for (std::size_t i = 0; i < evidence["spans"].size(); ++i) {
    const std::size_t b = evidence["spans"][i][0];
    const std::size_t e = evidence["spans"][i][1];
    EXPECT_EQ(std::string(kHello).substr(b, e - b), evidence["matched"][i]);
  }
  EXPECT_EQ(evidence["matched"][0], "hello");
  // Without --explain the scoring detail is left out.
  EXPECT_FALSE(event.contains("prior"));
  EXPECT_FALSE(evidence.contains("weight"));
  EXPECT_FALSE(records[0].contains("cancelled"));

  EXPECT_EQ(records[1]["id"], 2);
  EXPECT_TRUE(records[1]["events"].empty());
  EXPECT_EQ(records[2]["id"], 3);
  EXPECT_EQ(event_types(records[2]), std::vector<std::string>{"farewell"});
}

TEST(Classify, KeepsEmptyLinesInvalidUtf8AndHugeLinesInOrder) {
  const std::string invalid = "\xff\xfe hello \xc3( friend \xed\xa0\x80!";
  std::string huge;
  while (huge.size() < 4u << 20) huge += "and then the long meeting went on ";
  huge += "hello my friend";
  const std::string input =
      std::string(kHello) + "\n\n" + invalid + "\n" + huge + "\n\n" + kBye + "\n";
  const RunResult r = classify_input(input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);  // throws on invalid UTF-8 output
  ASSERT_EQ(records.size(), 6u);
  for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(records[i]["id"], i + 1);

  EXPECT_EQ(records[1]["text"], "");
  EXPECT_TRUE(records[1]["events"].empty());

  // Ill-formed bytes come out as U+FFFD; offsets stay byte offsets into the input.
  const std::string text = records[2]["text"];
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(text.find(" hello "), std::string::npos);
  EXPECT_EQ(records[2]["end"], invalid.size());
  EXPECT_EQ(event_types(records[2]), std::vector<std::string>{"greeting"});

  EXPECT_EQ(records[3]["end"], huge.size());
  EXPECT_EQ(records[3]["text"].get<std::string>().size(), huge.size());
  EXPECT_EQ(event_types(records[3]), std::vector<std::string>{"greeting"});
  EXPECT_TRUE(records[4]["events"].empty());
  EXPECT_EQ(event_types(records[5]), std::vector<std::string>{"farewell"});
}

TEST(Classify, LastLineWithoutNewlineAndWindowsLineEndsAreRead) {
  const RunResult r = classify_input(std::string(kHello) + "\r\n" + kBye);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["text"], kHello);  // no '\r'
  EXPECT_EQ(records[1]["text"], kBye);
}

// A byte order mark at the start of any input is nothing (issue 14, item
// 15): not part of the first line, the document, the first JSON line, or a
// rule file.
TEST(Classify, AByteOrderMarkStartsNoInputsText) {
  const std::string bom = "\xEF\xBB\xBF";
  for (const char* jobs : {"1", "2"}) {
    const RunResult lines = classify_input(bom + kHello + "\n" + kBye, {"-j", jobs});
    ASSERT_EQ(lines.exit_code, 0) << lines.err;
    const std::vector<Json> records = parse_jsonl(lines.out);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0]["text"], kHello);
    const RunResult jsonl = classify_input(bom + "{\"id\":\"a\",\"text\":\"" + kHello + "\"}\n",
                                           {"-j", jobs, "--input", "jsonl"});
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    const std::vector<Json> documents = parse_jsonl(jsonl.out);
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_FALSE(documents[0].contains("error")) << jsonl.out;
  }
  TempDir dir;
  const std::string doc = dir.write("doc.txt", bom + kHello);
  const RunResult text = classify({"--input", "text", doc});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(parse_jsonl(text.out).at(0)["text"], kHello);
  const std::string rules = dir.write(
      "bom.rules",
      bom + "event x\n  prior: 0.1\nrule x.y\n  type: x\n  weight: 0.9\n  match: hello\n");
  const RunResult check = run({"rules", "check", "--rules", rules});
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

TEST(Classify, EmptyInputGivesNoRecords) {
  const RunResult r = classify({});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Classify, TextModeSegmentsEachFileIntoSentences) {
  TempDir dir;
  const std::string doc = dir.write("doc.txt", std::string(kHello) + " " + kPlain + "\n" + kBye);
  const std::string second = dir.write("second.txt", kWave);
  const RunResult r = classify({"--input", "text", doc, second});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 4u);
  const std::string document = std::string(kHello) + " " + kPlain + "\n" + kBye;
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(records[i]["id"], doc);
    EXPECT_EQ(records[i]["sentence"], i);
    // Offsets point into the whole document.
    const std::size_t start = records[i]["start"];
    const std::size_t end = records[i]["end"];
    EXPECT_EQ(document.substr(start, end - start), records[i]["text"]);
  }
  EXPECT_EQ(records[0]["text"], kHello);
  EXPECT_EQ(event_types(records[0]), std::vector<std::string>{"greeting"});
  EXPECT_TRUE(records[1]["events"].empty());
  EXPECT_EQ(event_types(records[2]), std::vector<std::string>{"farewell"});
  // Evidence spans are document offsets too.
  const Json& evidence = records[2]["events"][0]["evidence"][0];
  const std::size_t b = evidence["spans"][0][0];
  const std::size_t e = evidence["spans"][0][1];
  EXPECT_EQ(document.substr(b, e - b), evidence["matched"][0]);
  EXPECT_EQ(records[3]["id"], second);
  EXPECT_EQ(records[3]["sentence"], 0);
}

TEST(Classify, TextModeReadsStandardInputAsDash) {
  RunOptions options;
  options.input = std::string(kHello) + " " + kBye;
  const RunResult r = classify({"--input", "text"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["id"], "-");
  EXPECT_EQ(records[1]["sentence"], 1);
}

TEST(Classify, JsonlModePassesFieldsThroughAndHoldsSentences) {
  const Json doc = {{"id", "doc-1"},
                    {"source", "wire"},
                    {"text", std::string(kHello) + " " + kBye},
                    {"meta", {{"page", 3}, {"tags", {"a", "b"}}}}};
  const Json numeric = {{"text", kPlain}, {"id", 42}};
  const Json structured = {{"id", {{"feed", "x"}, {"n", 1}}}, {"text", ""}};
  const RunResult r = classify_input(
      doc.dump() + "\n" + numeric.dump() + "\n" + structured.dump() + "\n", {"--input", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["id"], "doc-1");
  EXPECT_EQ(records[0]["source"], "wire");
  EXPECT_EQ(records[0]["meta"], doc["meta"]);
  EXPECT_FALSE(records[0].contains("text"));
  // Pass-through fields keep their input order, after the id.
  std::vector<std::string> keys;
  for (const auto& item : records[0].items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "source", "meta", "sentences"}));
  const Json& sentences = records[0]["sentences"];
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0]["sentence"], 0);
  EXPECT_EQ(sentences[0]["text"], kHello);
  EXPECT_EQ(event_types(sentences[0]), std::vector<std::string>{"greeting"});
  EXPECT_EQ(sentences[1]["start"], std::string(kHello).size() + 1);
  EXPECT_EQ(event_types(sentences[1]), std::vector<std::string>{"farewell"});

  EXPECT_EQ(records[1]["id"], 42);
  EXPECT_EQ(records[1]["sentences"].size(), 1u);
  EXPECT_EQ(records[2]["id"], structured["id"]);
  EXPECT_TRUE(records[2]["sentences"].empty());
}

TEST(Classify, BadJsonlLinesGiveErrorRecordsAndTheRunGoesOn) {
  const Json good = {{"id", 1}, {"text", kHello}};
  const Json no_text = {{"id", 2}, {"body", kHello}};
  const Json number_text = {{"id", 3}, {"text", 7}};
  const Json last = {{"id", 6}, {"text", kBye}};
  const std::string input = good.dump() + "\n" + no_text.dump() + "\n" + number_text.dump() +
                            "\n{\"id\": 4, \"text\": \"unterminated\n\n" + last.dump() + "\n" +
                            "{\"id\": 7, \"text\": \"\xff\xfe\"}\n";
  const RunResult r = classify_input(input, {"--input", "jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 7u);
  EXPECT_FALSE(records[0].contains("error"));
  EXPECT_EQ(records[1]["id"], 2);
  EXPECT_EQ(records[1]["body"], kHello);  // still passed through
  EXPECT_TRUE(records[1].contains("error"));
  EXPECT_TRUE(records[2].contains("error"));
  EXPECT_TRUE(records[3].contains("error"));  // not JSON
  EXPECT_TRUE(records[3]["id"].is_null());
  EXPECT_TRUE(records[4].contains("error"));  // empty line
  EXPECT_EQ(records[5]["id"], 6);
  EXPECT_EQ(event_types(records[5]["sentences"][0]), std::vector<std::string>{"farewell"});
  EXPECT_TRUE(records[6].contains("error"));     // JSON text must be UTF-8
  EXPECT_TRUE(contains(r.err, ":2:")) << r.err;  // names the line
  EXPECT_TRUE(contains(r.err, "5 records could not be classified")) << r.err;
}

TEST(Classify, TsvHasHeaderAndOneRowPerSentence) {
  const RunResult r =
      classify_input(std::string(kHello) + "\n\n" + "tab\there\n", {"--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> rows = split_lines(r.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0],
            "id\tsentence\tstart\tend\tlabels\tconfidences\tattributes\tsources\ttargets\ttext");
  const std::vector<std::string> first = split(rows[1], '\t');
  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ(first[0], "1");
  EXPECT_EQ(first[1], "0");
  EXPECT_EQ(first[2], "0");
  EXPECT_EQ(first[3], std::to_string(std::string(kHello).size()));
  EXPECT_EQ(first[4], "greeting");
  EXPECT_EQ(first[5], "0.900");
  EXPECT_EQ(first[6], "");
  EXPECT_EQ(first[7], "");  // no source
  EXPECT_EQ(first[8], "");  // no target
  EXPECT_EQ(first[9], kHello);
  EXPECT_EQ(split(rows[2], '\t'),
            (std::vector<std::string>{"2", "0", "0", "0", "", "", "", "", "", ""}));
  const std::vector<std::string> third = split(rows[3], '\t');
  ASSERT_EQ(third.size(), 10u);  // the tab inside the text became a space
  EXPECT_EQ(third[9], "tab here");
}

TEST(Classify, TsvListsSeveralLabelsInConfidenceOrder) {
  const RunResult r = classify_input(std::string("Carl said goodbye and waved at us.\n"),
                                     {"--format", "tsv", "--threshold", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> rows = split_lines(r.out);
  ASSERT_EQ(rows.size(), 2u);
  const std::vector<std::string> row = split(rows[1], '\t');
  EXPECT_EQ(row[4], "farewell,greeting");
  EXPECT_EQ(row[5], "0.800,0.600");
}

TEST(Classify, TextFormatIsReadable) {
  const RunResult r =
      classify_input(std::string(kHello) + "\n" + kPlain + "\n", {"--format", "text"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, kHello));
  EXPECT_TRUE(contains(r.out, "greeting 0.900"));
  EXPECT_TRUE(contains(r.out, "greeting.words.hello"));
  EXPECT_TRUE(contains(r.out, "\"hello\""));
  EXPECT_TRUE(contains(r.out, kPlain));
}

TEST(Classify, ThresholdDecidesWhichEventsAreReported) {
  const std::string input = std::string(kWave) + "\n" + kHello + "\n";
  const auto types_at = [&](const std::string& threshold) {
    std::vector<std::vector<std::string>> types;
    const RunResult r = classify_input(input, {"--threshold", threshold});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    for (const Json& record : parse_jsonl(r.out)) types.push_back(event_types(record));
    return types;
  };
  using Types = std::vector<std::vector<std::string>>;
  const std::vector<std::string> greeting = {"greeting"};
  EXPECT_EQ(types_at("0.5"), (Types{greeting, greeting}));  // the default: 0.6 and 0.9
  EXPECT_EQ(types_at("0.6"), (Types{greeting, greeting}));  // at the threshold counts
  EXPECT_EQ(types_at("0.7"), (Types{{}, greeting}));
  EXPECT_EQ(types_at("0.95"), (Types{{}, {}}));
  // The default is 0.5.
  const RunResult r = classify_input(input);
  EXPECT_EQ(parse_jsonl(r.out).at(0)["events"].size(), 1u);
}

TEST(Classify, ThresholdOutsideZeroToOneIsAUsageError) {
  for (const std::string bad : {"1.5", "-0.1", "abc", "nan"}) {
    const RunResult r = classify_input(std::string(kHello) + "\n", {"--threshold", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_TRUE(contains(r.err, "--help")) << r.err;
  }
}

TEST(Classify, ExplainAddsScoringDetailAndCancelledRules) {
  const RunResult r = classify_input(std::string(kHello) + "\n" + kNever + "\n", {"--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 2u);
  const Json& event = records[0]["events"][0];
  EXPECT_NEAR(event["prior"].get<double>(), 0.1, 1e-9);
  EXPECT_NEAR(event["log_odds"].get<double>(), std::log(0.9 / 0.1), 1e-5);
  const Json& evidence = event["evidence"][0];
  EXPECT_NEAR(evidence["weight"].get<double>(), 0.9, 1e-9);
  EXPECT_NEAR(evidence["contribution"].get<double>(), std::log(0.9 / 0.1) - std::log(0.1 / 0.9),
              1e-5);
  EXPECT_EQ(evidence["counted"], true);
  EXPECT_TRUE(records[0]["cancelled"].empty());

  EXPECT_TRUE(records[1]["events"].empty());
  ASSERT_EQ(records[1]["cancelled"].size(), 1u);
  const Json& cancelled = records[1]["cancelled"][0];
  EXPECT_EQ(cancelled["rule"], "greeting.words.hello");
  EXPECT_EQ(cancelled["type"], "greeting");
  EXPECT_FALSE(cancelled["matched"].empty());
  EXPECT_EQ(cancelled["unless_matched"][0], "never");
}

TEST(Classify, EvidenceThatDidNotCountIsShownOnlyWithExplain) {
  RunOptions options;
  options.input = "She said hello, friend.\n";
  const auto evidence_of = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"classify", "--rules", fixture("grouped")});
    const RunResult r = run(args, options);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return parse_jsonl(r.out).at(0)["events"].at(0)["evidence"];
  };
  const Json plain = evidence_of({});
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0]["rule"], "greeting.group.hello_friend");

  const Json explained = evidence_of({"--explain"});
  ASSERT_EQ(explained.size(), 2u);
  EXPECT_EQ(explained[0]["counted"], true);
  EXPECT_FALSE(explained[0].contains("note"));
  EXPECT_EQ(explained[1]["rule"], "greeting.group.hello");
  EXPECT_EQ(explained[1]["counted"], false);
  EXPECT_FALSE(explained[1]["note"].get<std::string>().empty());
}

TEST(Classify, JsonlInputInTsvAndTextFormats) {
  const Json doc = {{"id", "d1"}, {"text", std::string(kHello) + " " + kBye}};
  const Json empty = {{"id", 2}, {"text", ""}};
  const std::string input = doc.dump() + "\n" + empty.dump() + "\nnot json\n";

  const RunResult tsv = classify_input(input, {"--input", "jsonl", "--format", "tsv"});
  EXPECT_EQ(tsv.exit_code, 1);
  const std::vector<std::string> rows = split_lines(tsv.out);
  ASSERT_EQ(rows.size(), 5u);  // header, two sentences, the empty document, the bad line
  EXPECT_EQ(split(rows[1], '\t')[0], "d1");
  EXPECT_EQ(split(rows[1], '\t')[4], "greeting");
  EXPECT_EQ(split(rows[2], '\t')[1], "1");
  EXPECT_EQ(split(rows[2], '\t')[4], "farewell");
  EXPECT_EQ(split(rows[3], '\t'),
            (std::vector<std::string>{"2", "", "", "", "", "", "", "", "", ""}));
  EXPECT_EQ(split(rows[4], '\t')[0], "null");
  EXPECT_TRUE(contains(tsv.err, "not valid JSON")) << tsv.err;

  const RunResult text = classify_input(input, {"--input", "jsonl", "--format", "text"});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_TRUE(contains(text.out, "d1\n  #0 [0,")) << text.out;
  EXPECT_TRUE(contains(text.out, "farewell 0.800")) << text.out;
  EXPECT_TRUE(contains(text.out, "2  (no sentences)")) << text.out;
  EXPECT_TRUE(contains(text.out, "error: not valid JSON")) << text.out;
}

TEST(Classify, MissingInputFileIsReportedAndTheOthersAreStillRead) {
  TempDir dir;
  const std::string first = dir.write("first.txt", std::string(kHello) + "\n");
  const std::string missing = (dir.path() / "missing.txt").string();
  const std::string last = dir.write("last.txt", std::string(kBye) + "\n" + kWave + "\n");
  const RunResult r = classify({first, missing, last});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "missing.txt")) << r.err;
  EXPECT_TRUE(contains(r.err, "No such file")) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 3u);
  // With several inputs each line record names its file.
  EXPECT_EQ(records[0]["file"], first);
  EXPECT_EQ(records[0]["id"], 1);
  EXPECT_EQ(records[1]["file"], last);
  EXPECT_EQ(records[1]["id"], 1);
  EXPECT_EQ(records[2]["id"], 2);
}

TEST(Classify, FolderAsInputIsAReadError) {
  TempDir dir;
  const RunResult r = classify({dir.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, dir.path().string())) << r.err;
}

TEST(Classify, DashReadsStandardInput) {
  TempDir dir;
  const std::string file = dir.write("a.txt", std::string(kBye) + "\n");
  RunOptions options;
  options.input = std::string(kHello) + "\n";
  const RunResult r = classify({"-", file}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<Json> records = parse_jsonl(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["file"], "-");
  EXPECT_EQ(event_types(records[0]), std::vector<std::string>{"greeting"});
  EXPECT_EQ(event_types(records[1]), std::vector<std::string>{"farewell"});
}

TEST(Classify, BadModeOrFormatIsAUsageError) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--input", "xml"}, {"--format", "csv"}, {"--no-such-option"}}) {
    const RunResult r = classify_input("x\n", args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(contains(r.err, "demarche classify --help")) << r.err;
  }
}

// --first-line: a shard of a bigger file numbers its lines from where it
// starts, with one thread or more, and in messages.
TEST(Classify, FirstLineNumbersTheLinesOfAShard) {
  for (const char* jobs : {"1", "2"}) {
    const RunResult r = classify_input(std::string(kHello) + "\n" + kPlain + "\n",
                                       {"--first-line", "1001", "-j", jobs});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<Json> records = parse_jsonl(r.out);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0]["id"], 1001);
    EXPECT_EQ(records[1]["id"], 1002);
    const RunResult bad = classify_input("{\"id\": 1, \"text\": \"x\"}\nnot json\n",
                                         {"--input", "jsonl", "--first-line", "7", "-j", jobs});
    EXPECT_TRUE(contains(bad.err, "-:8: not valid JSON")) << bad.err;
  }
  for (const char* value : {"0", "-1", "x", "9007199254740993"}) {
    const RunResult r = classify_input("x\n", {"--first-line", value});
    EXPECT_EQ(r.exit_code, 2) << value;
    EXPECT_TRUE(contains(r.err, "invalid --first-line")) << r.err;
  }
}

}  // namespace
}  // namespace demarche_cli_test
