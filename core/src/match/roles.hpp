// Who acts and who is acted on: whether an actor mention stands where a
// rule's `source:` or `target:` asks for one, relative to the words the rule
// matched. Read from positions and a few function words, not from a parse:
// the test is meant to tell diplomatic news ("the ministry condemned ...")
// from text where no state, body or official is anywhere near the verb ("a
// critic slammed the novel"), not to name the roles (the actors plugin does
// that).
#pragma once

#include <string_view>
#include <vector>

#include "demarche/result.hpp"
#include "match/sequence.hpp"
#include "text/words.hpp"

namespace demarche::match {

enum class Role { kSource, kSpeaker, kTarget };

// How far, in words, a mention may stand from the match.
struct RoleReach {
  static constexpr std::size_t kSubjectBefore = 12;  // source: "X ... condemned"
  static constexpr std::size_t kAgentAfter = 6;      // source: "condemned by X", "criticism from X"
  static constexpr std::size_t kSpeakerNear = 3;     // source: "X said", "said X", "according to X"
  static constexpr std::size_t kClaimerNear = 2;     // source: "X has alleged", "X charged"
  static constexpr std::size_t kObjectAfter = 12;    // target: "expelled ... X's envoys"
  static constexpr std::size_t kPassiveBefore = 3;   // target: "X's envoys were expelled"
};

// Whether one of `mentions` (the occurrences of the rule's actor piece, in
// the same text as `chain`) fills `role` for the match `chain` (the spans of
// the matched pieces, in order). `words` indexes `text`.
//
// source: a mention where the match starts (a rule that begins with its
//   actor, "{@state} ~5 condemned"); before the match within kSubjectBefore
//   words with no ';' between; or after it within kAgentAfter words with "by" or "from"
//   between, or inside it within two words after "by" (a passive's agent:
//   "were ordered by the authorities to leave"); or anywhere in the sentence as its speaker, within
//   kSpeakerNear words of a word of saying (said, says, told, stated, added, announced, declared,
//   statement, according, ...) with no punctuation between.
// A mention glued to another word by a hyphen ("pro-Russian", but not
// "US-led"), followed by a noun that makes it part of another name ("the
// Iraq War", "the Chinese Communist Party"), or after "of" that follows
// such a noun ("the Supreme Court of Argentina") fills no role.
// speaker: the one who says it, not the one whose act is described
//   ("Armenia violated the truce" has none): the sentence's speaker as for
//   source, or the subject of a word of saying between the mention and the
//   match, within kSubjectBefore words, with no ';' between ("Valdoria told
//   the envoy that the raid violated ...").
// target: a mention inside the match, after it within kObjectAfter words, or
//   before it within kPassiveBefore words, with no ';' between.
bool role_filled(Role role, std::string_view text, const text::WordIndex& words,
                 const std::vector<Span>& chain, OccurrenceList& mentions);

}  // namespace demarche::match
