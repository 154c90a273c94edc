#include "corpus.hpp"

#include <array>
#include <optional>
#include <random>

namespace demarche::bench {

namespace {

template <std::size_t N>
const std::string& pick(const std::array<std::string, N>& options, std::mt19937& rng) {
  return options[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

const std::array<std::string, 12> kActors = {"The government of Ruritania",
                                             "Officials in Freedonia",
                                             "The prime minister of Elbonia",
                                             "A spokesman for the ministry",
                                             "The regional bloc",
                                             "Lawmakers in the capital",
                                             "The central bank",
                                             "Local authorities",
                                             "The opposition leader",
                                             "The defence ministry",
                                             "Negotiators from both sides",
                                             "The trade commissioner"};
const std::array<std::string, 12> kNeutral = {
    "met business leaders to discuss port investment and a new rail link",
    "announced a budget that raises spending on schools and hospitals next year",
    "said talks on the fishing agreement would resume after the summer recess",
    "opened a new consulate in the coastal city to serve a growing community",
    "reported that exports of grain and fertiliser rose for a third quarter",
    "hosted a cultural festival celebrating fifty years of bilateral friendship",
    "confirmed that the visiting delegation would tour the industrial zone",
    "published figures showing inflation easing for the fourth month running",
    "welcomed the result of the election and congratulated the winning party",
    "signed a memorandum on renewable energy cooperation with its neighbour",
    "said weather delayed the harvest in the northern provinces this autumn",
    "outlined plans to modernise customs checks at the main border crossing"};
const std::array<std::string, 8> kEvents = {
    "expelled two diplomats from the embassy and gave them 48 hours to leave the country",
    "recalled its ambassador for consultations after the dispute over the border escalated",
    "strongly condemned the missile launch as a reckless violation of earlier agreements",
    "imposed sanctions on three senior officials and froze their assets held abroad",
    "declared the military attache persona non grata over what it called spying",
    "announced it would withdraw its troops from the peacekeeping mission by December",
    "denounced the crackdown on protesters and accused the security forces of abuses",
    "extended the arms embargo for another year and added two firms to its blacklist"};
const std::array<std::string, 6> kTails = {", according to a statement released on Tuesday.",
                                           ", officials said on Monday.",
                                           " amid rising tension in the region.",
                                           ", the state news agency reported.",
                                           " despite calls for restraint from its partners.",
                                           "."};

const std::array<std::string, 24> kFunctionWords = {
    "the", "of",   "and", "to",  "in", "a",    "on",    "for",  "with", "that",  "by",   "as",
    "at",  "from", "its", "was", "is", "said", "after", "over", "has",  "which", "were", "their"};

// Made-up words of 3 to 10 letters, drawn with Zipf-like frequencies.
class ZipfWords {
 public:
  explicit ZipfWords(std::mt19937& rng) {
    std::uniform_int_distribution<int> length(3, 10);
    std::uniform_int_distribution<int> letter(0, 25);
    std::vector<double> weights;
    for (int i = 0; i < 30000; ++i) {
      std::string w;
      for (int n = length(rng); n > 0; --n) w += static_cast<char>('a' + letter(rng));
      words_.push_back(std::move(w));
      weights.push_back(1.0 / (i + 1));
    }
    pick_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
  }
  std::string phrase(std::mt19937& rng, std::size_t bytes) {
    std::string out;
    std::bernoulli_distribution function_word(0.4);
    while (out.size() < bytes) {
      out += ' ';
      out += function_word(rng) ? pick(kFunctionWords, rng) : words_[pick_(rng)];
    }
    return out;
  }

 private:
  std::vector<std::string> words_;
  std::discrete_distribution<std::size_t> pick_;
};

}  // namespace

std::vector<std::string> news_like_sentences(std::size_t count, double event_share, unsigned seed,
                                             Variety variety) {
  std::mt19937 rng(seed);
  std::bernoulli_distribution is_event(event_share);
  std::uniform_int_distribution<std::size_t> filler_bytes(60, 160);
  std::optional<ZipfWords> zipf;
  if (variety == Variety::kZipfVocabulary) zipf.emplace(rng);
  std::vector<std::string> out;
  out.reserve(count);
  while (out.size() < count) {
    const bool event = is_event(rng);
    std::string s = pick(kActors, rng) + " ";
    if (zipf) {
      s += event ? pick(kEvents, rng) + zipf->phrase(rng, filler_bytes(rng) / 3)
                 : zipf->phrase(rng, filler_bytes(rng)).substr(1);
      s += ".";
    } else {
      s += (event ? pick(kEvents, rng) : pick(kNeutral, rng)) + pick(kTails, rng);
    }
    if (s.size() >= 100 && s.size() <= 250) out.push_back(std::move(s));
  }
  return out;
}

std::string generated_rules(std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  const std::array<std::string, 4> types = {"expulsion", "withdrawal", "condemnation", "sanction"};
  const std::array<std::string, 16> verbs = {
      "expel",   "oust",     "evict",   "banish", "recall",   "withdraw",  "evacuate", "repatriate",
      "condemn", "denounce", "deplore", "decry",  "sanction", "blacklist", "embargo",  "freeze"};
  // Rules differ the way real ones do: by whom or what they are about.
  const std::array<std::string, 25> qualifiers = {
      "russian",   "french",  "german",     "chinese",  "iranian",  "british", "turkish",
      "israeli",   "cuban",   "venezuelan", "malian",   "sudanese", "polish",  "czech",
      "dutch",     "belgian", "american",   "canadian", "saudi",    "qatari",  "indian",
      "pakistani", "two",     "its",        "the"};
  const std::array<std::string, 40> objects = {
      "diplomats?",       "envoys?",      "ambassadors?", "attach[eé]s?",
      "troops",           "soldiers",     "staff",        "missions?",
      "consuls?",         "journalists?", "advisers?",    "contractors?",
      "peacekeepers?",    "officials",    "ministers?",   "generals?",
      "oligarchs?",       "banks?",       "firms",        "airlines?",
      "launch(?:es)?",    "attacks?",     "crackdown",    "strikes?",
      "tests?",           "annexation",   "incursions?",  "executions?",
      "arrests?",         "blockade",     "exports",      "imports",
      "assets",           "vessels?",     "tankers?",     "shipments?",
      "refiner(?:y|ies)", "exchanges?",   "mines?",       "ports?"};
  std::string text;
  for (const std::string& t : types) text += "event " + t + "\n  prior: 0.05\n";
  for (std::size_t v = 0; v < verbs.size(); ++v) {
    text +=
        "define V" + std::to_string(v) + " = " + verbs[v] + "(?:s|ed|d|led|ling|ing|ion|ions)?\n";
  }
  // As in the shipped rules, a rule names a class of verbs ({EXPEL} is a
  // list), one of the four classes of four verbs above, so that rules fire
  // on the corpus's event sentences and their sequences get checked.
  for (std::size_t c = 0; c < 4; ++c) {
    text += "define C" + std::to_string(c) + " = ";
    for (std::size_t v = 4 * c; v < 4 * c + 4; ++v) {
      text += (v == 4 * c ? "{V" : "|{V") + std::to_string(v) + "}";
    }
    text += "\n";
  }
  for (std::size_t r = 0; r < count; ++r) {
    const std::size_t c = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
    const std::string verb = "{C" + std::to_string(c) + "}";
    const std::string object =
        qualifiers[r % qualifiers.size()] + " " + objects[(r / qualifiers.size()) % objects.size()];
    const int gap = std::uniform_int_distribution<int>(2, 8)(rng);
    text += "rule " + types[c] + ".generated.r" + std::to_string(r) + "\n";
    text += "  type: " + types[c] + "\n  weight: 0.8\n  description: generated\n";
    text += "  match: " + verb + " ~" + std::to_string(gap) + " " + object + "\n";
    text += "  match: " + object + " ~4 (?:were|was|have been|had been) " + verb + "\n";
    if (r % 4 == 0) text += "  unless: (?:threat\\w*|vow\\w*) to ~1 " + verb + "\n";
  }
  return text;
}

}  // namespace demarche::bench
