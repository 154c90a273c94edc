// lexicon.hpp: the closed word lists the plugin reads sentence structure
// with. All words are lower case and compared with a token's lower-cased
// form. A list entry ending in '*' matches every word it begins, one
// starting with '*' every word it ends ("*ly": adverbs).
#pragma once

#include <span>
#include <string_view>

namespace demarche_actors {

using WordList = std::span<const std::string_view>;

// True when `word` (lower case) is in `list`, honouring '*' prefixes.
bool in_list(std::string_view word, WordList list);

namespace words {

// Skipped between a preposition and the mention it governs ("on the two
// Russian banks"): determiners, possessive pronouns, numbers in words and a
// few adjectives that precede nationalities.
extern const WordList kDeterminers;

// A mention governed by one of these is not a sentence's subject
// ("the ambassador to Russia", "troops in Mali").
extern const WordList kNonSubjectPrepositions;

// Words that open a subordinate clause; the subject of the main clause is
// not looked for beyond them ("..., after Russia expelled ...").
extern const WordList kSubordinators;

// Words that, right after a comma, open a parenthetical or appositive whose
// mentions are not the subject ("Estonia, a NATO member, expelled ...").
extern const WordList kParentheticalStarts;

// Words that end the object of a trigger when scanning right: a new clause,
// a reason or a participial phrase.
extern const WordList kObjectStops;

// Forms of "be" and "get" that make a following participle passive, and the
// adverbs that may stand between ("were formally expelled").
extern const WordList kPassiveAuxiliaries;
extern const WordList kPassiveAdverbs;

// Nouns for people, bodies and goods an event is done to. A participle right
// after one of them is a reduced passive ("Russian diplomats expelled by ...").
extern const WordList kPatientNouns;

// Verbs that report speech, for "..., Russia said" and "Russia said ... was unacceptable".
extern const WordList kSpeechVerbs;

// Verbs whose subject reacts to an event named by a noun rather than doing
// it ("Russia condemned the expulsion of ...", "Mali demanded the withdrawal ...").
extern const WordList kReactionVerbs;

// Verbs that make the subject the receiver of a noun trigger
// ("Russia's move drew condemnation from ...").
extern const WordList kReceivingVerbs;

// Words after a place name that make it part of the name of a treaty,
// meeting, newspaper or other thing, not an actor ("Vienna Convention").
extern const WordList kNameFollowers;
// Adjectives that, followed by a word of kAgreementNouns, do the same ("Iran nuclear deal").
extern const WordList kAgreementAdjectives;
extern const WordList kAgreementNouns;

// Keys that are also given names, surnames or other places; they need
// context (see mentions.cpp).
extern const WordList kPersonLikeKeys;
// Capitalised words that may follow a country name without making it part
// of a person's name ("Jordan Foreign Minister", "Georgia Defence Ministry").
extern const WordList kOfficialWords;

// Words before "America(n)" that make it a region or people ("Latin America").
extern const WordList kAmericaRegions;

// Prefixes joined by a hyphen that turn a mention into an attitude ("pro-Russian").
extern const WordList kAttitudePrefixes;

// Nouns after "of" whose owner is an agent ("the government of Russia",
// "the actions of Israel"), for condemnation targets.
extern const WordList kAgentNouns;

// Withdrawal verbs that take the place or body left as their object ("quit NATO").
extern const WordList kLeavingVerbs;

// "declared ... persona non grata".
extern const WordList kDeclareVerbs;

}  // namespace words
}  // namespace demarche_actors
