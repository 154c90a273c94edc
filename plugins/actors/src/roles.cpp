// Assigning source and target. The sentence is not parsed: roles are read
// from where mentions stand relative to the trigger and from the word that
// governs each mention ("by", "from", "on", a verb, ...). The rules, by
// event type, are in plugins/actors/README.md; where they do not apply, a
// role is left empty rather than guessed.
#include "roles.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "lexicon.hpp"
#include "structure.hpp"

namespace demarche_actors {
namespace {

bool in_group(const std::vector<std::size_t>& group, std::size_t m) {
  return std::find(group.begin(), group.end(), m) != group.end();
}

// Reads the roles of one event. Each member function handles one event type;
// `source_` and `target_` hold single mentions, widened to lists at the end.
class RoleReader {
 public:
  RoleReader(const SentenceReader& r, const Text& text, Trigger trigger)
      : r_(r), text_(text), t_(trigger.token), trigger_(trigger) {}

  Roles read(EventKind kind) {
    read_roles(kind);
    Roles roles = widen();
    if (!roles.source.empty() && !roles.target.empty() && same_actor(roles)) {
      // One actor on both sides, named twice: the mention nearer the
      // trigger is the likelier reading. "The Indian ministry denounced
      // the step as an attack on India's interests" keeps the source;
      // "Poland regrets the decision of Belarus to expel Poland's consul"
      // keeps the target and looks again for a source that is not Poland.
      if (distance(source_) <= distance(target_)) {
        roles.target.clear();
        return roles;
      }
      source_ = target_ = kNone;
      avoid_target_actor_ = true;
      read_roles(kind);
      roles = widen();
      if (same_actor(roles)) roles.source.clear();
    }
    return roles;
  }

 private:
  void read_roles(EventKind kind) {
    switch (kind) {
      case EventKind::kExpulsion:
        expulsion();
        break;
      case EventKind::kWithdrawal:
        withdrawal();
        break;
      case EventKind::kSanction:
        sanction();
        break;
      case EventKind::kCondemnation:
        condemnation();
        break;
      case EventKind::kOther:
        other();
        break;
    }
  }

  // A type the plugin has no vocabulary for: the trigger read as a verb.
  // "Y was V-ed by X"; else "X V-ed (...) Y", Y the first actor after the
  // verb that is its object or the object of a preposition next to it
  // ("lodged a protest with the Chilean embassy").
  void other() {
    if (trigger_.passive) {
      target_ = patient();
      source_ = agent_after(true);
      if (source_ == kNone) source_ = speaker_before(target_);
      return;
    }
    const std::size_t end = r_.right_limit(t_, true);
    target_ = r_.first_after(t_, end, [&](std::size_t m) {
      const std::string_view g = r_.governor(m);
      return g != "by" && g != "from";
    });
    source_ = subject_not(target_);
  }

  // The single mentions found, widened to the lists they stand in, with
  // an attributed speaker as the source when none was found. One mention
  // on both sides means the sentence was misread: no roles.
  Roles widen() {
    Roles roles;
    roles.target = r_.group(target_);
    // Not for a noun in a prepositional phrase: "Asked about the
    // sanctions, Cuba's minister said ..." is the target speaking.
    const std::string_view preposition = noun() ? r_.preposition_before_noun(t_) : "";
    if (source_ == kNone && (preposition.empty() || preposition == "of")) {
      source_ = r_.attribution(t_, roles.target);
    }
    roles.source = r_.group(source_);
    for (std::size_t m : roles.source) {
      if (in_group(roles.target, m)) return {};
    }
    return roles;
  }

  bool same_actor(const Roles& roles) const {
    for (std::size_t s : roles.source) {
      for (std::size_t t : roles.target) {
        if (r_.mention(s).actor == r_.mention(t).actor) return true;
      }
    }
    return false;
  }

  // Tokens between mention m and the trigger.
  std::size_t distance(std::size_t m) const {
    const Mention& mention = r_.mention(m);
    return mention.first > t_ ? mention.first - t_ : t_ - std::min(t_, mention.after);
  }

  bool noun() const { return trigger_.form == TriggerForm::kNoun; }

  // The subject of a passive trigger: the one it was done to.
  std::size_t patient() const {
    SentenceReader::SubjectQuery query;
    query.passive_patient = true;
    return r_.subject_before(t_, query);
  }

  // The subject of the trigger, never a mention of `target` (nor, on the
  // second reading of read(), one of its actors).
  std::size_t subject_not(std::size_t target) const {
    std::vector<std::size_t> exclude = r_.group(target);
    if (avoid_target_actor_) {
      for (std::size_t m = 0; m < r_.mention_count(); ++m) {
        for (std::size_t g : r_.group(target)) {
          if (r_.mention(m).actor == r_.mention(g).actor) exclude.push_back(m);
        }
      }
    }
    return subject(t_, exclude);
  }

  std::size_t subject(std::size_t at, const std::vector<std::size_t>& exclude = {}) const {
    // A gerund after a preposition ("the grounds for expelling the envoy") has
    // no subject of its own in the sentence; "by expelling" does ("Russia
    // retaliated by expelling ...").
    if (at == t_ && at > 0 && text_.lower(at).ends_with("ing") && !text_.is(at - 1, "by") &&
        SentenceReader::is_preposition(text_.lower(at - 1))) {
      return kNone;
    }
    SentenceReader::SubjectQuery query;
    query.noun_trigger = noun() && at == t_;
    query.exclude = exclude;
    // "the decision to expel ...": whoever only reacted to the decision
    // ("X welcomed", "X regrets") did not take it; look further.
    const bool decision =
        at == t_ && at >= 2 && text_.is(at - 1, "to") && r_.word_in(at - 2, List::kDecisionNouns);
    for (int tries = 0; tries < 3; ++tries) {
      const std::size_t s = r_.subject_before(at, query);
      if (!decision || s == kNone || !r_.word_between(s, at, List::kReactionVerbs)) return s;
      query.exclude.push_back(s);
    }
    return kNone;
  }

  // The subject of a noun trigger, unless it only reacted to the event
  // ("Russia condemned the expulsion of ...", "Mali demanded the withdrawal").
  std::size_t noun_subject() const {
    // A noun in a prepositional phrase ("Peru protested over the new
    // sanctions") is not what the clause's subject did.
    const std::string_view preposition = r_.preposition_before_noun(t_);
    if (!preposition.empty() && preposition != "of") return kNone;
    const std::size_t s = subject(t_);
    if (s != kNone && r_.word_between(s, t_, List::kReactionVerbs)) return kNone;
    return s;
  }

  // "by X" right of the trigger, and also "from X" when `from_too`.
  std::size_t agent_after(bool from_too) const {
    const std::size_t end = r_.right_limit(t_, false);
    return r_.first_after(t_, end, [&](std::size_t m) {
      const std::string_view g = r_.governor(m);
      return g == "by" || (from_too && g == "from");
    });
  }

  // "Britain said two Russian diplomats were expelled": the speaker of a
  // passive sentence is the source.
  std::size_t speaker_before(std::size_t patient) const {
    if (patient == kNone) return kNone;
    const std::size_t at = r_.mention(patient).first;
    SentenceReader::SubjectQuery query;
    query.speaker_ok = true;
    query.exclude = r_.group(patient);
    const std::size_t s = r_.subject_before(at, query);
    if (s != kNone && r_.word_between(s, at, List::kSpeechVerbs)) return s;
    return kNone;
  }

  void expulsion() {
    const std::size_t end = r_.right_limit(t_, false);
    switch (trigger_.form) {
      case TriggerForm::kVerdict:
        // No word of expulsion in the evidence ("persona non grata" with no
        // "declared" near): only an attribution names anyone.
        return;
      case TriggerForm::kVerb:
        if (trigger_.passive) {
          // "Y's diplomats were expelled by X / from X / ordered to leave X".
          target_ = patient();
          source_ = r_.first_after(t_, end, [&](std::size_t m) {
            const std::string_view g = r_.governor(m);
            return g == "by" || g == "from" || g == "leave" || g == "quit";
          });
          if (source_ == kNone) source_ = speaker_before(target_);
          return;
        }
        // "X expelled Y's ambassador", "X ordered the Y troops to leave",
        // "X expelled two diplomats of Y / from the Y embassy".
        // A place after "to leave" is the host, not the one sent away:
        // "X asked Y's envoy to leave X".
        target_ = r_.first_after(t_, end, [&](std::size_t m) {
          const std::string_view g = r_.governor(m);
          if (in_list(g, List::kLeaveWords)) return false;
          return !SentenceReader::is_preposition(g) || g == "of" || g == "from" || g == "at";
        });
        source_ = subject_not(target_);
        if (source_ == kNone) {
          source_ = r_.first_after(
              t_, end, [&](std::size_t m) { return in_list(r_.governor(m), List::kLeaveWords); });
        }
        return;
      case TriggerForm::kNoun:
        // "X's expulsion of Y diplomats", "the expulsion of Y's envoy by X".
        source_ = r_.modifier_before(t_);
        if (source_ != kNone && !r_.mention(source_).possessive) source_ = kNone;
        if (source_ == kNone) source_ = agent_after(true);
        target_ = r_.first_after(t_, end, [&](std::size_t m) {
          const std::string_view g = r_.governor(m);
          return !SentenceReader::is_preposition(g) || g == "of" || g == "for" || g == "against";
        });
        if (source_ == kNone) source_ = noun_subject();
        return;
      case TriggerForm::kLeave:
        // "X gave Y's diplomats 72 hours to leave", "Y's envoy must leave X",
        // "Y's diplomats are no longer welcome in X".
        target_ = subject(t_);
        source_ = r_.first_after(t_, end, [&](std::size_t m) {
          const std::string_view g = r_.governor(m);
          return !SentenceReader::is_preposition(g) || g == "from" || g == "in";
        });
        if (source_ == kNone && target_ != kNone) {
          // Whoever stands further left gave the order or said so.
          SentenceReader::SubjectQuery query;
          query.speaker_ok = true;
          query.exclude = r_.group(target_);
          source_ = r_.subject_before(r_.mention(target_).first, query);
        }
        return;
    }
  }

  void withdrawal() {
    const std::size_t end = r_.right_limit(t_, false);
    // The doer owns what is withdrawn: "France withdrew its troops",
    // "French troops left", "France's ambassador to Mali was recalled",
    // "the withdrawal of French troops".
    if (noun()) {
      source_ = r_.modifier_before(t_);
      if (source_ == kNone) {
        source_ = r_.first_after(t_, end, [&](std::size_t m) {
          const std::string_view g = r_.governor(m);
          return g == "of" || g == "by";
        });
      }
      if (source_ == kNone) source_ = noun_subject();
    } else if (trigger_.passive) {
      source_ = agent_after(false);
      if (source_ == kNone) source_ = subject(t_);
    } else {
      source_ = subject(t_);
    }
    // "The president recalled Peru's ambassador", "Estonia was told of the
    // decision to recall the Russian ambassador": an owner named right
    // after the verb is surer than a subject found further left.
    if (!noun()) {
      const std::size_t owner = r_.first_after(t_, end, [&](std::size_t m) {
        return r_.governor_token(m) != kNone && r_.governor_token(m) <= t_ + 1 &&
               !SentenceReader::is_preposition(r_.governor(m)) &&
               (r_.mention(m).possessive || r_.word_in(r_.mention(m).after, List::kPatientNouns));
      });
      if (owner != kNone) source_ = owner;
    }
    // The place or body left: "from Mali", "out of the Council of Europe",
    // "its ambassador to Russia", "troops in Mali", "quit NATO".
    const bool leaving_verb = in_list(text_.lower(t_), List::kLeavingVerbs);
    const std::vector<std::size_t> own = r_.group(source_);
    target_ = r_.first_after(t_, end, [&](std::size_t m) {
      if (in_group(own, m)) return false;
      const std::string_view g = r_.governor(m);
      return g == "from" || g == "in" || g == "to" || g == "at" ||
             (leaving_verb && !SentenceReader::is_preposition(g));
    });
    if (target_ == kNone) {
      const std::size_t left = r_.left_limit(t_);
      for (std::size_t m = r_.mention_count(); m-- > 0;) {
        const Mention& mention = r_.mention(m);
        if (mention.after > t_ || mention.first < left || in_group(own, m)) continue;
        if (source_ != kNone && mention.first < r_.mention(source_).first) break;
        const std::string_view g = r_.governor(m);
        if (g == "to" || g == "in" || g == "from") {
          target_ = m;
          break;
        }
      }
    }
  }

  void sanction() {
    const std::size_t end = r_.right_limit(t_, false);
    const auto object = [&](std::size_t m) {
      const std::string_view g = r_.governor(m);
      return !SentenceReader::is_preposition(g) || g == "on" || g == "against" || g == "of" ||
             g == "from" || g == "to" || g == "with";
    };
    if (noun()) {
      // "US sanctions on Iran", "the EU's sanctions against Russia",
      // "sanctions imposed on Russia by the EU". A bare country name before
      // "sanctions" names the sanctioned ("Iran sanctions") unless a target
      // follows; a demonym, an acronym, an organisation or a possessive
      // names the sanctioner ("American sanctions", "EU sanctions").
      // "a ban on imports from Y" names the target, "sanctions from the EU"
      // (right after the noun) the source.
      target_ = r_.first_after(t_, end, [&](std::size_t m) {
        const std::string_view g = r_.governor(m);
        const bool next_to_trigger = r_.governor_token(m) == t_ + 1;
        return g != "by" && !(g == "from" && next_to_trigger) && object(m);
      });
      source_ = agent_after(false);
      if (source_ == kNone) {
        source_ = r_.first_after(t_, end, [&](std::size_t m) {
          return r_.governor(m) == "from" && r_.governor_token(m) == t_ + 1;
        });
      }
      const std::size_t modifier = r_.modifier_before(t_);
      if (modifier != kNone && source_ == kNone) {
        const Mention& m = r_.mention(modifier);
        const bool names_sanctioned =
            m.common_name && !m.possessive && !m.acronym && !r_.actor(modifier).igo;
        if (names_sanctioned && target_ == kNone) {
          target_ = modifier;
        } else {
          source_ = modifier;
        }
      }
      if (source_ == kNone) source_ = noun_subject();
      if (source_ != kNone && in_group(r_.group(target_), source_)) source_ = kNone;
      return;
    }
    if (trigger_.passive) {
      // "Sanctions were imposed on Y by X", "Y was sanctioned by X",
      // "Y's assets were frozen".
      target_ = r_.first_after(t_, end, [&](std::size_t m) {
        const std::string_view g = r_.governor(m);
        return g == "on" || g == "against";
      });
      if (target_ == kNone) target_ = patient();
      source_ = agent_after(false);
      if (source_ == kNone) source_ = speaker_before(target_);
      return;
    }
    // "X imposed sanctions on Y", "X sanctioned Y's officials", "X banned imports from Y".
    target_ =
        r_.first_after(t_, end, [&](std::size_t m) { return r_.governor(m) != "by" && object(m); });
    source_ = subject_not(target_);
  }

  // A mention right of a condemning verb that is what it condemns:
  // "condemned Russia", "condemned the Russian strike", "accused Iran of",
  // "the attack by X", "the actions of X", "critical of X", "lashed out at
  // X". Not the victims: "condemned the attack on Y", "the killing of Y's
  // journalists", "the shelling in Y".
  bool condemned(std::size_t m) const {
    const std::size_t gi = r_.governor_token(m);
    const std::string_view g = r_.governor(m);
    if (!SentenceReader::is_preposition(g) || g == "by") return true;
    if (gi == kNone) return false;
    const bool next_to_trigger = gi == t_ + 1 || (gi == t_ + 2 && text_.is(t_ + 1, "out"));
    if (g == "of") return next_to_trigger || in_list(text_.lower(gi - 1), List::kAgentNouns);
    if (g == "at" || g == "against" || g == "on") return next_to_trigger;
    return false;
  }

  void condemnation() {
    std::size_t end = r_.right_limit(t_, true);
    // "accused the rebels of killing Malian soldiers", "blamed X for ...":
    // what follows "of" or "for" is the charge, not the accused.
    const std::string_view verb = text_.lower(t_);
    const std::string_view charge =
        verb.starts_with("accus") ? "of" : (verb.starts_with("blam") ? "for" : "");
    if (!charge.empty()) {
      for (std::size_t k = t_ + 1; k < end; ++k) {
        if (text_.is(k, charge)) {
          end = k;
          break;
        }
      }
    }
    if (trigger_.form == TriggerForm::kVerdict) {
      // "X said Y's decision was unacceptable": the speaker is the source,
      // and what the verdict is about stands between speech and verdict.
      const std::size_t left = r_.left_limit(t_);
      const std::size_t speech = r_.word_before(t_, left, List::kSpeechVerbs);
      if (speech != kNone) {
        source_ = r_.subject_before(speech, {});
        // "... said the cancellation by Australia of the contract was
        // unacceptable": the doer of what is judged, named as subject or
        // after "by".
        target_ = r_.first_after(speech, t_, [&](std::size_t m) {
          const std::string_view g = r_.governor(m);
          return g == "by" || !in_list(g, List::kNonSubjectPrepositions);
        });
      } else {
        // Without a speech verb the words next to a verdict are what it is
        // about ("Iran's reckless conduct"), not who gave it: only an
        // attribution ("'... meddling,' the Omani ministry said") or,
        // outside quotes, the clause's opening subject ("The Thai
        // government voiced its opposition") names the source.
        source_ = r_.attribution(t_, {});
        if (source_ == kNone && !r_.inside_quotes(t_)) source_ = r_.opening_subject(t_);
      }
      return;
    }
    if (noun()) {
      // "X's condemnation of Y", "criticism from X", "Y's move drew
      // condemnation from X", "accusations against Y".
      source_ = r_.modifier_before(t_);
      if (source_ == kNone) source_ = agent_after(true);
      target_ = r_.first_after(t_, end, [&](std::size_t m) {
        const std::string_view g = r_.governor(m);
        return g != "by" && g != "from" && condemned(m);
      });
      const std::size_t left = r_.left_limit(t_);
      const std::size_t receiving =
          r_.word_before(t_, t_ >= 3 ? std::max(left, t_ - 3) : left, List::kReceivingVerbs);
      if (receiving != kNone) {
        if (target_ == kNone) target_ = r_.subject_before(receiving, {});
      } else if (source_ == kNone) {
        source_ = noun_subject();
      }
      return;
    }
    if (trigger_.passive) {
      // "Y was condemned by X".
      target_ = patient();
      source_ = agent_after(true);
      if (source_ == kNone) source_ = speaker_before(target_);
      return;
    }
    target_ = r_.first_after(t_, end, [&](std::size_t m) { return condemned(m); });
    source_ = subject_not(target_);
  }

  const SentenceReader& r_;
  const Text& text_;
  std::size_t t_;
  Trigger trigger_;
  std::size_t source_ = kNone;
  std::size_t target_ = kNone;
  bool avoid_target_actor_ = false;
};

}  // namespace

Roles assign_roles(const Text& text, const std::vector<Mention>& mentions,
                   const std::vector<Actor>& actors, EventKind kind,
                   const std::vector<TokenRange>& pieces) {
  if (mentions.empty() || pieces.empty()) return {};
  const SentenceReader reader(text, mentions, actors);
  const Trigger trigger = find_trigger(text, mentions, kind, pieces);
  return RoleReader(reader, text, trigger).read(kind);
}

}  // namespace demarche_actors
