// `classify --count`, `--files-with-events`, `--quiet` and `--exit-status`:
// the grep-like use of docs/cli.md ("Quick checks over many files").
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace demarche_cli_test {
namespace {

// Sentences written for the toy rules in tests/fixtures/cli/rules.
constexpr const char* kHello = "Anna said hello to her friend today.";  // greeting
constexpr const char* kBye = "Carl said goodbye at the door.";          // farewell
constexpr const char* kPlain = "The train left on time.";               // nothing

RunResult classify(std::vector<std::string> args, RunOptions options = {}) {
  args.insert(args.begin(), {"classify", "--rules", toy_rules()});
  return run(args, options);
}

struct Inputs {
  TempDir dir;
  std::string two = dir.write("two.txt", std::string(kHello) + "\n" + kPlain + "\n" + kBye + "\n");
  std::string none = dir.write("none.txt", std::string(kPlain) + "\n");
  std::string missing = (dir.path() / "missing.txt").string();
};

TEST(GrepLike, CountPrintsSentencesWithAnEventPerInput) {
  const Inputs in;
  for (const char* jobs : {"1", "2"}) {
    const RunResult r = classify({"--count", "-j", jobs, in.two, in.none, in.two});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, in.two + ":2\n" + in.none + ":0\n" + in.two + ":2\n") << "jobs " << jobs;
  }
  // One input: the count alone, as grep -c.
  RunOptions stdin_only;
  stdin_only.input = std::string(kHello) + "\n";
  EXPECT_EQ(classify({"-c"}, stdin_only).out, "1\n");
}

TEST(GrepLike, FilesWithEventsListsOnlyThoseInputs) {
  const Inputs in;
  const RunResult r = classify({"--files-with-events", in.none, in.two});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, in.two + "\n");
  RunOptions stdin_only;
  stdin_only.input = std::string(kBye) + "\n";
  EXPECT_EQ(classify({"-l", "-"}, stdin_only).out, "(standard input)\n");
}

TEST(GrepLike, ExitStatusIsZeroForAnEventOneForNoneTwoForAnError) {
  const Inputs in;
  const RunResult found = classify({"--quiet", in.two});
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(found.out, "");
  const RunResult nothing = classify({"-q", in.none});
  EXPECT_EQ(nothing.exit_code, 1) << nothing.err;
  // An input that cannot be opened is an error even when others had events;
  // it gets no count line.
  const RunResult broken = classify({"-c", in.two, in.missing});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_EQ(broken.out, in.two + ":2\n");
  EXPECT_TRUE(contains(broken.err, "missing.txt")) << broken.err;
  // --exit-status keeps the records and changes only the status.
  const RunResult records = classify({"--exit-status", in.none});
  EXPECT_EQ(records.exit_code, 1);
  EXPECT_EQ(parse_jsonl(records.out).size(), 1u);
  // Without it, no event is still success.
  EXPECT_EQ(classify({in.none}).exit_code, 0);
}

TEST(GrepLike, TheSummariesExcludeEachOther) {
  const Inputs in;
  const RunResult r = classify({"--count", "--quiet", in.two});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "at most one of --count, --files-with-events and --quiet")) << r.err;
}

}  // namespace
}  // namespace demarche_cli_test
