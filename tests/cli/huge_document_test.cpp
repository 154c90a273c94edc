// A document of 4 MiB of text or more (cmd/write_while_classifying.hpp) is
// written while it is classified, a sentence at a time, instead of being
// classified whole first. Standard output and standard error are the same
// either way: a document and the same document padded past 4 MiB with line
// breaks (which add no sentence) give the same bytes, in every input mode
// and format, with plugin faults, --explain and --count; and with -j 1 and
// -j 2 alike.
#include <gtest/gtest.h>

#include <random>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

constexpr std::size_t kStreamedBytes = std::size_t{4} << 20;  // as in the command line

// About `bytes` of toy_sentences(), four a line, some lines ending in CRLF.
std::string toy_document(std::size_t bytes) {
  const std::vector<std::string>& kSentences = toy_sentences();
  std::mt19937 random(20261206);
  std::string document;
  while (document.size() < bytes) {
    for (int i = 0; i < 4; ++i) document += kSentences[random() % kSentences.size()] + " ";
    document += random() % 5 == 0 ? "\r\n" : "\n";
  }
  return document;
}

std::vector<std::string> joined(std::vector<std::string> first,
                                const std::vector<std::string>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

std::string padded_past_threshold(const std::string& document) {
  return document +
         std::string(kStreamedBytes + 1 - std::min(document.size(), kStreamedBytes), '\n');
}

std::string as_jsonl(const std::string& document) {
  return R"({"id":"doc","source":"wire",)" + std::string(R"("text":)") +
         Json(document).dump(-1, ' ', false, Json::error_handler_t::replace) + R"(,"n":1})" + "\n";
}

class HugeDocument : public ::testing::Test {
 protected:
  RunResult classify(const std::vector<std::string>& options, const std::string& input) {
    std::vector<std::string> args = {"classify", "--rules", toy_rules(), "--plugins",
                                     plugins_.path()};
    args.insert(args.end(), options.begin(), options.end());
    RunOptions run_options;
    run_options.input = input;
    return run(args, run_options);
  }

  // `small` is classified whole, `huge` written while classified.
  void expect_same_output(const std::vector<std::string>& options, const std::string& small,
                          const std::string& huge, const std::string& what) {
    ASSERT_LT(small.size(), kStreamedBytes);
    ASSERT_GE(huge.size(), kStreamedBytes);
    const RunResult whole = classify(options, small);
    const RunResult streamed = classify(options, huge);
    EXPECT_EQ(streamed.exit_code, whole.exit_code) << what;
    // Not EXPECT_EQ on the text: a mismatch would print megabytes.
    EXPECT_TRUE(streamed.out == whole.out) << what << ": standard output differs";
    EXPECT_EQ(streamed.err, whole.err) << what;
  }

  const FixturePluginFolder plugins_{{"good", "thrower"}};
};

const std::vector<std::vector<std::string>> kOptionSets = {
    {"--format", "jsonl"},
    {"--format", "tsv"},
    {"--format", "text"},
    {"--explain", "--threshold", "0", "--format", "jsonl"},
    {"--explain", "--format", "text"},
    {"--count"},
};

TEST_F(HugeDocument, WrittenWhileClassifiedAsWhenClassifiedWhole) {
  const std::string document = toy_document(std::size_t{9} << 17);  // 1.1 MiB
  const std::string padded = padded_past_threshold(document);
  for (const std::string jobs : {"1", "2"}) {
    for (std::vector<std::string> options : kOptionSets) {
      options.insert(options.end(), {"-j", jobs});
      std::string what = "-j " + jobs;
      for (const std::string& option : options) what += " " + option;
      expect_same_output(joined(options, {"--input", "text"}), document, padded, "text " + what);
      expect_same_output(joined(options, {"--input", "jsonl"}), as_jsonl(document),
                         as_jsonl(padded), "jsonl " + what);
    }
  }
  // What was compared holds events and plugin faults.
  const RunResult streamed = classify({"--input", "text"}, padded);
  EXPECT_TRUE(contains(streamed.out, R"("type":"greeting")"));
  EXPECT_TRUE(contains(streamed.err, "plugin thrower failed on record -, sentence "))
      << streamed.err;
}

TEST_F(HugeDocument, ABlankHugeDocumentIsOneWithNoSentences) {
  const std::string blank = padded_past_threshold("");
  for (const std::vector<std::string>& options : kOptionSets) {
    expect_same_output(joined(options, {"--input", "jsonl"}), as_jsonl(""), as_jsonl(blank),
                       "jsonl " + options[0]);
    expect_same_output(joined(options, {"--input", "text"}), "", blank, "text " + options[0]);
  }
  EXPECT_EQ(classify({"--input", "jsonl", "--format", "text"}, as_jsonl(blank)).out,
            "doc  (no sentences)\n");
}

TEST_F(HugeDocument, TheSameBytesWithOneJobOrTwo) {
  const std::string document = toy_document(std::size_t{9} << 19);  // 4.5 MiB
  for (const std::vector<std::string>& options : kOptionSets) {
    for (const std::string input : {"text", "jsonl"}) {
      const std::string text = input == "text" ? document : as_jsonl(document);
      std::vector<std::string> args = joined(options, {"--input", input});
      const RunResult one = classify(joined(args, {"-j", "1"}), text);
      const RunResult two = classify(joined(args, {"-j", "2"}), text);
      ASSERT_FALSE(one.out.empty());
      EXPECT_EQ(two.exit_code, one.exit_code) << input << " " << options[0];
      EXPECT_TRUE(two.out == one.out) << input << " " << options[0] << ": standard output differs";
      EXPECT_EQ(two.err, one.err) << input << " " << options[0];
    }
  }
}

}  // namespace
}  // namespace demarche_cli_test
