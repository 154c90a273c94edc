// structure.hpp: what the plugin reads of a sentence's structure without
// parsing it: clause limits, the word that governs each actor mention,
// subjects, objects, lists and attributions. roles.cpp builds the rules of
// each event type on these.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "gazetteer.hpp"
#include "lexicon.hpp"
#include "mentions.hpp"
#include "text.hpp"

namespace demarche_actors {

// "No token" and "no mention".
inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// One sentence's tokens and mentions, read-only. Mentions are named by
// their index in the mention list, tokens by their index in the Text.
class SentenceReader {
 public:
  SentenceReader(const Text& text, const std::vector<Mention>& mentions,
                 const std::vector<Actor>& actors);

  const Mention& mention(std::size_t m) const { return mentions_[m]; }
  const Actor& actor(std::size_t m) const { return actors_[mentions_[m].actor]; }
  std::size_t mention_count() const { return mentions_.size(); }

  // Token k is a word of `list` and not part of a mention.
  bool word_in(std::size_t k, List list) const {
    return text_.is_word(k) && owner_[k] == kNone && in_list(text_.lower(k), list);
  }

  // The token that governs mention m: the first word before it that is not
  // a determiner or a number; kNone at the start of the sentence, after
  // punctuation or right after another mention. The second mention of a
  // list has the first one's governor ("from the EU and the US").
  std::size_t governor_token(std::size_t m) const;

  // The governing word, lower case; "out of" reads as "from". Empty when
  // there is none.
  std::string_view governor(std::size_t m) const;

  // "of" or one of List::kNonSubjectPrepositions.
  static bool is_preposition(std::string_view word);

  // Where the clause of token t begins, for looking left of it.
  std::size_t left_limit(std::size_t t) const;

  // Where the object of token t ends (exclusive).
  std::size_t right_limit(std::size_t t, bool stop_at_and) const;

  // How subject_before() looks.
  struct SubjectQuery {
    bool noun_trigger = false;  // t is a noun ("Poland's expulsion of ...")
    // Looking for the subject of a passive ("were expelled"): a mention
    // before an "and" that does not list actors belongs to an earlier
    // clause ("they may not visit Japan and their property will be
    // frozen").
    bool passive_patient = false;
    // A speaker may be the answer ("Britain said Russian diplomats were
    // expelled"); otherwise a mention left of "said (that)" is not the
    // subject of what follows.
    bool speaker_ok = false;
    std::vector<std::size_t> exclude;  // mentions that may not be the answer
  };

  // The subject of the verb or noun at t: the nearest mention left of it in
  // its clause that no preposition governs ("the ambassador to Russia" is
  // not a subject), skipping parentheses and appositions; the possessor
  // when the subject is owned ("Kenya's UN ambassador"). When t is
  // the second verb of "X did A and B" or follows a subject pronoun, the
  // subject is the clause's first.
  std::size_t subject_before(std::size_t t, const SubjectQuery& query) const;

  // An odd number of double quotes before t.
  bool inside_quotes(std::size_t t) const;

  // The mention that opens the clause of t, when nothing governs it and it
  // is not a possessive.
  std::size_t opening_subject(std::size_t t) const;

  // The first mention right of t, before `end`, that `accept` takes.
  template <typename Accept>
  std::size_t first_after(std::size_t t, std::size_t end, Accept accept) const {
    for (std::size_t m = 0; m < mentions_.size(); ++m) {
      if (mentions_[m].first <= t || mentions_[m].first >= end) continue;
      if (accept(m)) return m;
    }
    return kNone;
  }

  // A mention just left of a noun: "France's withdrawal", "US sanctions",
  // "the EU's latest sanctions", "Russia's tit-for-tat expulsion". What
  // stands between must read as determiners and adjectives: not a
  // preposition, not a verb-looking word ("Mali demanded the withdrawal").
  std::size_t modifier_before(std::size_t t) const;

  // The preposition that governs the noun phrase ending in the noun at t
  // ("over the unprecedented sanctions": "over"), or empty.
  std::string_view preposition_before_noun(std::size_t t) const;

  // True when a word of `list` stands between mention m and token t.
  bool word_between(std::size_t m, std::size_t t, List list) const;

  // The nearest word of `list` left of t, not before `left`.
  std::size_t word_before(std::size_t t, std::size_t left, List list) const;

  // The speaker a sentence is attributed to after the event: '"...," said
  // the French minister', '..., Russia's foreign ministry said'. The
  // speaker must be set off from the event by a comma or quote.
  std::size_t attribution(std::size_t t, const std::vector<std::size_t>& exclude) const;

  // Mention m and every mention listed with it: "France, Germany and
  // Poland", "Russian and Belarusian", "the US as well as the EU". Commas
  // alone do not make a list ("... Russia, China said").
  std::vector<std::size_t> group(std::size_t m) const;

 private:
  // An "and" or "or" between mention m and token t that does not join m to
  // a following mention.
  bool clause_and_between(std::size_t m, std::size_t t) const;

  // Where a verb at t takes its subject from the start of its clause: the
  // "and" of "condemned Y and (has) expelled", the comma of ", accusing",
  // or a pronoun subject ("it would expel"); kNone otherwise.
  // For a noun trigger, the verb that governs it is looked through first
  // ("... and demanded his expulsion").
  std::size_t shared_subject_pivot(std::size_t t, std::size_t left, bool noun_trigger) const;

  // A verb reporting a clause between tokens from and to ("said that").
  bool speech_clause_between(std::size_t from, std::size_t to) const;

  // The possessor of mention m when m follows it directly ("Kenya's UN
  // ambassador": Kenya), else m.
  std::size_t owner_of(std::size_t m) const;

  // "it", "they", "he", "she".
  bool is_subject_pronoun(std::size_t k) const;

  // ";" or a spaced dash: a clause break.
  bool hard_break(std::size_t k) const;

  // A word that may stand between a modifier and its noun (modifier_before).
  bool modifier_word(std::size_t k) const;

  // A word that opens a subordinate clause (List::kSubordinators; "as"
  // only at the start or after a comma).
  bool is_subordinator(std::size_t k) const;

  // A comma or quote between tokens from and to.
  bool set_off(std::size_t from, std::size_t to) const;

  // Whether mentions a and b (adjacent in the list) are joined by a list
  // connector only; sets `conjunction` when it holds "and", "or" or "&".
  bool link(std::size_t a, std::size_t b, bool& conjunction) const;

  const Text& text_;
  const std::vector<Mention>& mentions_;
  const std::vector<Actor>& actors_;
  std::vector<std::size_t> owner_;  // the mention each token belongs to, or kNone
};

}  // namespace demarche_actors
