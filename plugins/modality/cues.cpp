#include "cues.hpp"

#include <array>

namespace demarche_modality {

namespace {

// One cue as written in the table below, built with the modifiers so that
// every entry reads as: class, phrase, scope, reach, then the exceptions.
struct Spec {
  Modality modality;
  std::string_view phrase;  // words separated by ' ', each a list of alternatives
  Scope scope;
  int reach;                         // words between the cue (or its bridge) and the trigger
  int object_reach = 0;              // kInfinitive: words between the cue and its bridge
  std::string_view bridge = "to";    // kInfinitive: the words that link the cue to the verb
  std::string_view not_before = {};  // a next word that makes this no cue ("not only")
  std::string_view not_after = {};   // a previous word that does ("even if")
  bool lower_case_only = false;      // "may", not the month
  bool sentence_initial = false;     // "Should ...", "Were ..." as conditions

  constexpr Spec bridged(int objects, std::string_view words = "to") const {
    Spec s = *this;
    s.object_reach = objects;
    s.bridge = words;
    return s;
  }
  constexpr Spec unless_next(std::string_view words) const {
    Spec s = *this;
    s.not_before = words;
    return s;
  }
  constexpr Spec unless_previous(std::string_view words) const {
    Spec s = *this;
    s.not_after = words;
    return s;
  }
  constexpr Spec lower_case() const {
    Spec s = *this;
    s.lower_case_only = true;
    return s;
  }
  constexpr Spec first_word() const {
    Spec s = *this;
    s.sentence_initial = true;
    return s;
  }
};

using M = Modality;
using S = Scope;

// Auxiliaries of a threat or promise: "warned (that) it would expel".
constexpr std::string_view kFutureBridge = "to|would|will|could|might|may|shall";
// Words after an infinitive's "to" within which a second infinitive
// coordinated with it ("to cut off gas supplies and expel") is reached.
constexpr std::size_t kCoordinatedInfinitiveReach = 8;

// Verb forms used by several cues.
constexpr std::string_view kThreaten = "threaten|threatens|threatened|threatening";
constexpr std::string_view kWarn = "warn|warns|warned|warning";
constexpr std::string_view kVow =
    "vow|vows|vowed|vowing|pledge|pledges|pledged|pledging|promise|promises|promised|promising|"
    "swore|sworn|swear|swears";
constexpr std::string_view kPress =
    "press|presses|pressed|pressing|push|pushes|pushed|pushing|appeal|appeals|appealed|appealing|"
    "demand|demands|demanded|demanding|encourage|encourages|encouraged|encouraging|invite|"
    "invites|invited|inviting|lobby|lobbies|lobbied|lobbying|urge|urges|urged|urging|call|calls|"
    "called|calling";
// Verbs of denying or dismissing, whose object is a report of the event.
constexpr std::string_view kDismiss =
    "dismiss|dismisses|dismissed|dismissing|reject|rejects|rejected|rejecting|refute|refutes|"
    "refuted|refuting|deny|denies|denied|denying|debunk|debunks|debunked|debunking|"
    "contradict|contradicts|contradicted|contradicting|downplay|downplays|downplayed|"
    "downplaying|disputed|disputes|dispute|disputing";
constexpr std::string_view kReport =
    "report|reports|claim|claims|rumour|rumours|rumor|rumors|speculation|suggestion|"
    "suggestions|allegation|allegations|account|accounts|story|stories";
constexpr std::string_view kAuthorise =
    "authorise|authorises|authorised|authorising|authorize|authorizes|authorized|authorizing|"
    "authorisation|authorization";
// Advice given to someone else: "advised the cabinet to impose sanctions".
constexpr std::string_view kAdvise =
    "recommend|recommends|recommended|recommending|advise|advises|advised|advising";
// Verbs that take a mandative that-clause: "suggested that the cabinet
// order ...", "demanded that Syldavia withdraw". Not "insist", which also
// asserts a fact ("insisted that it had expelled no one").
constexpr std::string_view kMandative =
    "suggest|suggests|suggested|suggesting|recommend|recommends|recommended|recommending|"
    "propose|proposes|proposed|proposing|advise|advises|advised|advising|demand|demands|"
    "demanded|demanding|urge|urges|urged|urging|ask|asks|asked|asking|request|requests|"
    "requested|requesting";
// Verbs a state also uses of its own staff: "asked its diplomats to leave"
// is a withdrawal, not a demand of others.
constexpr std::string_view kAsk =
    "ask|asks|asked|asking|request|requests|requested|requesting|"
    "want|wants|wanted|wanting";

// The same, of a state's partners: not its staff, but others it asks.
constexpr std::string_view kAskOthers =
    "ask|asks|asked|asking|request|requests|requested|requesting|urge|urges|urged|urging "
    "its|their|our allies|partners|neighbours|neighbors|counterparts|friends";
constexpr std::string_view kAskOthersQualified =
    "ask|asks|asked|asking|request|requests|requested|requesting|urge|urges|urged|urging "
    "its|their|our western|european|international|foreign|regional|nato|eu|g7 "
    "allies|partners|neighbours|neighbors|counterparts|friends";

// The table. Order matters where two cues start with the same word: the
// first that matches is used, so longer or more specific forms come first.
// Reaches are kept short on purpose: a cue two verbs away from the trigger
// is usually about something else ("warned that the expulsion would harm
// ties": the expulsion happened). See README.md for the reasoning per class.
constexpr std::array kSpecs = {
    // ---- hypothetical: conditions and counterfactuals (first, because
    // "should" and "could have" also start demand and threat cues)
    Spec{M::kHypothetical, "should|were|had", S::kClause, 0}.first_word(),
    Spec{M::kHypothetical, "if|unless", S::kClause, 0}
        .unless_next("any|anything|not|so")
        .unless_previous("even|as"),
    Spec{M::kHypothetical, "whether", S::kClause, 0},
    // A counterfactual reaches the object of its verb: "a draft which would
    // have imposed an arms embargo" (the noun is the trigger).
    Spec{M::kHypothetical, "would|could|might have", S::kNear, 4},
    Spec{M::kHypothetical, "would|will be forced|obliged|compelled to", S::kNear, 2},
    Spec{M::kHypothetical, "in case of", S::kNear, 2},
    Spec{M::kHypothetical, "in the event of|that", S::kClause, 0},
    Spec{M::kHypothetical, "provided|providing that", S::kClause, 0},
    Spec{M::kHypothetical, "on condition that", S::kClause, 0},
    Spec{M::kHypothetical, "hypothetically|theoretically|supposing|suppose|assuming", S::kClause,
         0},
    // Generic and definitional statements: what a state can or may do, not
    // what one did ("any envoy can be expelled", "a host is entitled to
    // expel", "typically applied to", "it is unusual for a state to quit").
    Spec{M::kHypothetical, "can", S::kAdjacent, 2},
    Spec{M::kHypothetical,
         "allowed|permitted|entitled|empowered|authorised|authorized|free|right|rights to",
         S::kNear, 2},
    Spec{M::kHypothetical,
         "usually|typically|generally|normally|traditionally|customarily|rarely|seldom",
         S::kAdjacent, 2},
    // Any state of a kind, not one state: "a state that expels diplomats
    // usually faces retaliation".
    Spec{M::kHypothetical,
         "a|an|any|every state|country|government|nation|host|power that|which|who", S::kNear, 2},
    Spec{M::kHypothetical,
         "rare|unusual|uncommon|common|customary|usual|normal|easy|difficult|hard|impossible|"
         "possible|legal|illegal|lawful|unlawful for",
         S::kInfinitive, 2}
        .bridged(4),

    // ---- negated: not, never, no; denial, refusal, failure; reversal
    Spec{M::kNegated, "not|never|cannot", S::kAdjacent, 2}.unless_next(
        "only|just|least|merely|simply"),
    Spec{M::kNegated, "*n't", S::kAdjacent, 2}.unless_next("only|just"),
    Spec{M::kNegated, "no longer", S::kAdjacent, 2},
    // Negation through a preposition or a participle: "is not under
    // sanctions", "were not included in the sanctions".
    Spec{M::kNegated,
         "not|never on|among|under|subject|included|listed|named|covered|targeted|affected",
         S::kNear, 3},
    Spec{M::kNegated, "no|none|neither|nor|nobody|nothing", S::kNear, 2}.unless_next(
        "doubt|wonder|surprise|matter|sooner|less|more|later|fewer|exception"),
    Spec{M::kNegated, "without", S::kNear, 1},
    // "denied entry", "denied them visas" are sanctions, not denials.
    Spec{M::kNegated, "deny|denies|denied|denying|denial|denials", S::kNear, 6}.unless_next(
        "entry|visas|visa|access|permission|accreditation|landing|overflight|him|her|them|it"),
    // ... but "denied it had expelled", "denies they were recalled" deny the
    // event: a pronoun followed by a finite verb opens a that-clause.
    Spec{M::kNegated,
         "deny|denies|denied|denying it|he|she|they|we had|has|have|was|were|would|will|is|are|did",
         S::kNear, 6},
    // Denied or dismissed reports: "dismissed reports that its troops would
    // be pulled out". The report noun is the bridge; the event may be
    // anywhere in the short that-clause after it.
    Spec{M::kNegated, kDismiss, S::kInfinitive, 10}.bridged(3, kReport),
    Spec{M::kNegated, "play|plays|played|playing|brush|brushes|brushed|brushing down|aside|off",
         S::kInfinitive, 10}
        .bridged(3, kReport),
    Spec{M::kNegated, "unlikely|improbable|impossible that", S::kNear, 4},
    Spec{M::kNegated, "rule|rules|ruled|ruling out", S::kNear, 5},
    Spec{M::kNegated,
         "refuse|refuses|refused|refusing|refusal|decline|declines|declined|declining|fail|fails|"
         "failed|failing|failure|unable|unwilling|reluctant|hesitant|loath|unlikely to",
         S::kNear, 3},
    Spec{M::kNegated,
         "refrain|refrains|refrained|refraining|abstain|abstains|abstained|abstaining from",
         S::kNear, 2},
    Spec{M::kNegated, "stop|stops|stopped|stopping short of", S::kNear, 2},
    Spec{M::kNegated, "instead of", S::kNear, 2},
    Spec{M::kNegated, "rather than", S::kNear, 2},
    Spec{M::kNegated, "veto|vetoes|vetoed|vetoing", S::kNear, 6},
    Spec{M::kNegated, "vote|votes|voted|voting down|against", S::kNear, 4},
    Spec{M::kNegated, "block|blocks|blocked|blocking", S::kNear, 3},
    // Reversal: lifted or eased sanctions, a scrapped or cancelled expulsion.
    // Verbs that are only transitive reach over a long object ("lifted most
    // of the remaining sanctions"); those also used without an object
    // ("tensions eased", "prices dropped", "the end of") only over two words.
    Spec{M::kNegated,
         "lift|lifts|lifted|lifting|scrap|scraps|scrapped|scrapping|rescind|rescinds|rescinded|"
         "rescinding|reverse|reverses|reversed|reversing|shelve|shelves|shelved|shelving|"
         "cancel|cancels|cancelled|canceled|cancelling|canceling|overturn|overturns|overturned|"
         "overturning|unfreeze|unfreezes|unfroze|unfrozen",
         S::kNear, 5},
    Spec{M::kNegated,
         "ease|eases|eased|easing|relax|relaxes|relaxed|relaxing|drop|drops|dropped|dropping|"
         "abandon|abandons|abandoned|abandoning|end|ends|ended|ending",
         S::kNear, 2},

    // ---- threatened: threats, warnings, vows; intentions and plans;
    // proposals; mere possibility
    Spec{M::kThreatened, kThreaten, S::kInfinitive, 2}.bridged(5, kFutureBridge),
    Spec{M::kThreatened, kThreaten, S::kNear, 2},
    Spec{M::kThreatened, kWarn, S::kInfinitive, 2}.bridged(5, kFutureBridge),
    Spec{M::kThreatened, "warn|warns|warned|warning|warnings of|about", S::kNear, 2},
    Spec{M::kThreatened, kVow, S::kInfinitive, 2}.bridged(4, kFutureBridge),
    Spec{M::kThreatened, kVow, S::kNear, 2},
    // "threatened Syldavia (and its allies) with sanctions".
    Spec{M::kThreatened, kThreaten, S::kInfinitive, 2}.bridged(5, "with"),
    Spec{M::kThreatened, "threat|threats|ultimatum|ultimatums", S::kNear, 2},
    // What someone "will face" or "could risk" is a prospect ("any state
    // that recognises it will face sanctions"); "faces sanctions" is a fact.
    Spec{M::kThreatened, "will|would|could|may|might|shall|'ll face|risk", S::kNear, 3},
    // "which it hoped would eventually lead to a withdrawal": everything the
    // hoped-for clause goes on to name is hoped for, however long its list
    // ("would lead to the restoration of rights ... as well as the
    // withdrawal"), so the reach runs to the end of the clause in practice.
    Spec{M::kThreatened, "hope|hopes|hoped|hoping", S::kInfinitive, 16}.bridged(
        3, "would|will|could|might"),
    // "risk sanctions", "risk exposure to sanctions", "at risk of expulsion".
    Spec{M::kThreatened, "risk|risks|risked|risking", S::kNear, 2},
    Spec{M::kThreatened,
         "plan|plans|planned|planning|plot|plots|plotted|plotting|intend|intends|intended|"
         "intending|aim|aims|aimed|aiming|prepare|prepares|prepared|preparing|poised|set|ready|"
         "willing|expected|expect|expects|likely|about|hope|hopes|hoped|hoping|seek|seeks|"
         "sought|seeking|want|wants|wanted|wanting|try|tries|tried|trying|attempt|attempts|"
         "attempted|attempting|bid|bids|effort|efforts|eager|keen|looking|threatening to",
         S::kNear, 2},
    Spec{M::kThreatened,
         "intention|intentions|prospect|prospects|possibility|possibilities|risk|risks|spectre|"
         "specter|plan|plans of|for",
         S::kNear, 2},
    // Predictions: "analysts predict sanctions", "the anticipated pullout".
    Spec{M::kThreatened,
         "predict|predicts|predicted|predicting|forecast|forecasts|forecasting|anticipate|"
         "anticipates|anticipated|anticipating|foresee|foresees|foresaw|envisage|envisages|"
         "envisaged|envisaging|envision|envisions|envisioned|expectation|expectations",
         S::kNear, 2},
    Spec{M::kThreatened, "possible|likely|probable|conceivable that", S::kNear, 4},
    // Options: "options include expelling", "among the options on the table
    // are sanctions". Only with a verb of listing, so that "left with few
    // options, Valdoria expelled" is not read as one.
    Spec{M::kThreatened, "option|options|alternatives|scenarios", S::kInfinitive, 2}.bridged(
        3, "include|includes|included|including|such|like|are|is|were|was"),
    Spec{M::kThreatened, "considering|mulling|weighing|contemplating|exploring", S::kNear, 2},
    Spec{M::kThreatened,
         "consider|considers|considered|mull|mulls|mulled|weigh|weighs|weighed|contemplate|"
         "contemplates|contemplated|explore|explores|explored",
         S::kNear, 0},
    Spec{M::kThreatened,
         "proposal|proposals|propose|proposes|proposed|proposing|draft|drafts|drafted|drafting|"
         "motion|motions",
         S::kNear, 2}
        .unless_next("that"),  // "proposed that Valdoria withdraw": a demand, below
    // A text not yet adopted and what it would do: "the draft resolution
    // would impose an arms embargo". A word of decision between them ("a
    // resolution adopted on Monday would") asserts, as for every threat.
    Spec{M::kThreatened,
         "draft|drafts|proposal|proposals|bill|bills|motion|motions|resolution|resolutions|"
         "legislation|plan|plans|text|amendment|amendments",
         S::kInfinitive, 2}
        .bridged(4, "would|could|might"),
    // Work on a measure or a text not yet finished: "preparing new
    // sanctions", "drawing up a declaration which condemns ...".
    Spec{M::kThreatened, "preparing|readying|finalising|finalizing", S::kNear, 2},
    Spec{M::kThreatened, "drawing|draws|drew|draw up", S::kNear, 2},
    Spec{M::kThreatened, "working on", S::kNear, 2},
    // Authorising possible measures is not taking them ("authorised the
    // ministry to expel", "authorized possible sanctions").
    Spec{M::kThreatened, kAuthorise, S::kInfinitive, 1}.bridged(4),
    Spec{M::kThreatened, kAuthorise, S::kNear, 2},
    // Adjectives right before the trigger: "the planned withdrawal".
    Spec{M::kThreatened,
         "planned|possible|potential|prospective|mooted|looming|impending|imminent|threatened|"
         "upcoming|expected|contemplated|suggested|eventual|future|intended",
         S::kNear, 0},
    // A modal reaches its verb over auxiliaries and adverbs, or over one
    // verb of which the trigger is the object ("could face sanctions").
    Spec{M::kThreatened, "could|might", S::kAdjacent, 2},
    Spec{M::kThreatened, "could|might", S::kNear, 1},
    Spec{M::kThreatened, "may", S::kAdjacent, 2}.lower_case(),
    Spec{M::kThreatened, "may", S::kNear, 1}.lower_case(),
    // A modal passive reaches the object of its preposition: "might be put
    // on a sanctions list", "could be hit with sanctions".
    Spec{M::kThreatened, "could|might be *ed|*en|hit|put|cut|set", S::kNear, 2},
    Spec{M::kHypothetical, "can be *ed|*en|hit|put|cut|set", S::kNear, 2},
    Spec{M::kThreatened, "may be *ed|*en|hit|put|cut|set", S::kNear, 2}.lower_case(),
    Spec{M::kThreatened, "pave|paves|paved|paving the way for|to", S::kNear, 2},
    Spec{M::kThreatened, "possibly|potentially|perhaps|maybe", S::kAdjacent, 1},

    // ---- demanded: calls, appeals and demands made of someone else. The
    // host's own order to leave is part of the expulsion rules' match, and a
    // cue never overlaps what the rule matched, so it is not a cue there.
    Spec{M::kDemanded, "call|calls|called|calling|appeal|appeals|plea|pleas|petition for", S::kNear,
         2},
    Spec{M::kDemanded,
         "press|presses|pressed|pressing|push|pushes|pushed|pushing|lobby|lobbies|lobbied|"
         "lobbying|appealed|appealing|campaign|campaigns|campaigned|campaigning|clamour|clamor|"
         "clamoured|clamored|ask|asks|asked|asking|demand|demands|request|requests for",
         S::kNear, 2},
    Spec{M::kDemanded, "call|calls|called|calling on|upon", S::kInfinitive, 1}.bridged(6),
    Spec{M::kDemanded, kPress, S::kInfinitive, 1}.bridged(6),
    // "asked its partners (its Western allies) to": its own are others here.
    Spec{M::kDemanded, kAskOthers, S::kInfinitive, 1}.bridged(2),
    Spec{M::kDemanded, kAskOthersQualified, S::kInfinitive, 1}.bridged(2),
    Spec{M::kDemanded, kAsk, S::kInfinitive, 1}.bridged(6).unless_next("its|their|our"),
    Spec{M::kDemanded,
         "demand|demands|demanded|demanding|request|requests|requested|requesting|urge|urges|"
         "urged|urging|seek|seeks|sought|seeking|want|wants|wanted|advocate|advocates|"
         "advocated|advocating",
         S::kNear, 2}
        .unless_next("its|their|our"),
    Spec{M::kDemanded, "in favour|favor of", S::kNear, 2},
    // Proposals and recommendations made to someone else: "advised the
    // cabinet to impose sanctions", "recommended imposing sanctions", and
    // the mandative that-clause "suggested that the cabinet order the envoys
    // out".
    Spec{M::kDemanded, kAdvise, S::kInfinitive, 1}.bridged(6).unless_next("its|their|our"),
    Spec{M::kDemanded,
         "recommend|recommends|recommended|recommending|recommendation|recommendations|"
         "suggestion|suggestions",
         S::kNear, 2},
    Spec{M::kDemanded, kMandative, S::kInfinitive, 4}.bridged(1, "that"),
    Spec{M::kDemanded, "should|must|ought|need|needs", S::kAdjacent, 2},
};

// Words of decision: a threat or demand further left has been acted on.
bool is_decision(std::string_view w) {
  constexpr std::array<std::string_view, 21> kWords = {
      "decided", "decides", "decision", "agreed",    "agrees",    "voted",     "began",
      "begun",   "started", "starts",   "announced", "announces", "approved",  "approves",
      "adopted", "adopts",  "signed",   "ordered",   "orders",    "confirmed", "confirms"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Prepositions that start a reason or circumstance: "threatened sanctions
// over the illegal annexation" does not threaten the annexation's
// condemnation.
bool is_barrier(std::string_view w) {
  return w == "over" || w == "amid" || w == "despite" || w == "regarding" || w == "concerning" ||
         w == "following" || w == "during";
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace

bool word_matches(std::string_view alternatives, std::string_view word) {
  // Read once, byte by byte, and compared in full only where the length and
  // first letter agree: most calls turn every alternative away, and finding
  // each '|' with a library call and comparing each alternative was a
  // fifth of the plugin's instructions (callgrind, generated news).
  const char* alt = alternatives.data();
  const char* const end = alt + alternatives.size();
  for (;;) {
    const char* bar = alt;
    while (bar != end && *bar != '|') ++bar;
    const auto size = static_cast<std::size_t>(bar - alt);
    if (size > 0 && *alt == '*') {
      const std::string_view suffix(alt + 1, size - 1);
      if (word.size() > suffix.size() && word.ends_with(suffix)) return true;
    } else if (size == word.size() && (size == 0 || *alt == word.front()) &&
               std::string_view(alt, size) == word) {
      return true;
    }
    if (bar == end) return false;
    alt = bar + 1;
  }
}

bool is_transparent(std::string_view w) {
  constexpr std::array<std::string_view, 40> kWords = {
      "be",       "been",   "being",       "have",     "has",        "had",         "get",
      "got",      "yet",    "immediately", "formally", "officially", "even",        "actually",
      "directly", "also",   "ever",        "again",    "to",         "publicly",    "explicitly",
      "openly",   "fully",  "completely",  "entirely", "really",     "necessarily", "currently",
      "now",      "still",  "further",     "so",       "far",        "soon",        "already",
      "clearly",  "firmly", "strongly",    "swiftly",  "roundly"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// A lower-case -ly word of five letters or more: "strongly", "roundly",
// "swiftly" ("only", "Italy" and "rally" are not).
bool is_manner_adverb(const Token& token) {
  const std::string_view w = token.text;
  return !token.capitalized && w.size() >= 5 && w.ends_with("ly") && w != "rally" &&
         w != "supply" && w != "apply" && w != "reply" && w != "family";
}

bool is_coordinator(std::string_view w) {
  return w == "and" || w == "or";
}

bool is_negator(std::string_view w) {
  return w == "not" || w == "never" || w == "no" || w == "cannot" || w == "nor" || w == "neither" ||
         (w.size() > 3 && w.ends_with("n't"));
}

CueTable::CueTable() {
  for (const Spec& spec : kSpecs) {
    Cue cue{spec.modality,
            split(spec.phrase, ' '),
            spec.scope,
            static_cast<std::size_t>(spec.reach),
            static_cast<std::size_t>(spec.object_reach),
            spec.bridge,
            spec.not_before,
            spec.not_after,
            spec.lower_case_only,
            spec.sentence_initial};
    const std::size_t index = cues_.size();
    bool suffix = false;
    for (std::string_view alt : split(cue.words.front(), '|')) {
      if (!alt.empty() && alt.front() == '*') {
        suffix = true;
      } else {
        std::vector<std::size_t>& list = by_first_word_[std::string(alt)];
        if (list.empty() || list.back() != index) list.push_back(index);
      }
    }
    if (suffix) by_suffix_.push_back(index);
    cues_.push_back(std::move(cue));
  }
}

std::optional<CueMatch> CueTable::match(const Cue& cue, const Window& w, std::size_t at) const {
  const std::vector<Token>& t = *w.tokens;
  const std::vector<bool>& in_span = *w.in_span;
  if (cue.sentence_initial && at != w.first_word) return std::nullopt;
  if (cue.lower_case_only && t[at].capitalized) return std::nullopt;
  if (!cue.not_after.empty() && at > 0 && t[at - 1].is_word() &&
      word_matches(cue.not_after, t[at - 1].text)) {
    return std::nullopt;
  }
  // The phrase: consecutive words, all before the trigger and outside the match.
  // A final "to" may be the trigger's own first word, as in a rule that
  // matches "to recall" after "plans".
  std::size_t last = at;
  bool ends_in_trigger = false;
  for (std::size_t k = 0; k < cue.words.size(); ++k) {
    const std::size_t i = at + k;
    const bool final_to = k + 1 == cue.words.size() && i == w.trigger && t[i].is("to");
    if (final_to) {
      if (!word_matches(cue.words[k], "to")) return std::nullopt;
      ends_in_trigger = true;
      break;
    }
    if (i >= w.trigger || !t[i].is_word() || in_span[i] || !w.in_clause(i) ||
        !word_matches(cue.words[k], t[i].text)) {
      return std::nullopt;
    }
    last = i;
  }
  if (ends_in_trigger) return CueMatch{cue.modality, at, last};
  if (!cue.not_before.empty() && last + 1 < t.size() && t[last + 1].is_word() &&
      word_matches(cue.not_before, t[last + 1].text)) {
    return std::nullopt;
  }

  // Counts the words in (from, to), or fails when one is not allowed.
  // Words between the cue and the trigger. In an adjacent cue only
  // auxiliaries and adverbs may stand there, and a stack of manner adverbs
  // counts as none ("must be clearly and strongly rebuked"), so that how a
  // thing is said does not push the verb out of the modal's reach.
  auto gap = [&](std::size_t from, std::size_t to,
                 bool transparent_only) -> std::optional<std::size_t> {
    std::size_t words = 0;
    for (std::size_t i = from + 1; i < to; ++i) {
      if (!t[i].is_word() || !w.in_clause(i)) continue;
      if (transparent_only) {
        if (is_manner_adverb(t[i])) continue;
        if (is_coordinator(t[i].text) && i > 0 && i + 1 < to && is_manner_adverb(t[i - 1]) &&
            is_manner_adverb(t[i + 1]))
          continue;
        if (!is_transparent(t[i].text)) return std::nullopt;
      } else if (is_barrier(t[i].text)) {
        return std::nullopt;
      }
      ++words;
    }
    return words;
  };

  CueMatch m{cue.modality, at, last};
  switch (cue.scope) {
    case Scope::kClause:
      return m;
    case Scope::kAdjacent:
    case Scope::kNear: {
      const auto words = gap(last, w.trigger, cue.scope == Scope::kAdjacent);
      if (!words || *words > cue.reach) return std::nullopt;
      return m;
    }
    case Scope::kInfinitive: {
      // The bridge ("to", "would") may be the trigger's own first word, as
      // in a rule that matches "to recall".
      std::size_t objects = 0;
      for (std::size_t i = last + 1; i <= w.trigger && i < t.size(); ++i) {
        if (!t[i].is_word() || !w.in_clause(i)) continue;
        if (word_matches(cue.bridge, t[i].text)) {
          if (objects > cue.object_reach) return std::nullopt;
          const auto after =
              i == w.trigger ? std::optional<std::size_t>(0) : gap(i, w.trigger, false);
          // A second infinitive coordinated with the first ("threatened to
          // cut off gas supplies and expel the envoys") is in the cue's
          // reach as much as the first: "and" (or "or") right before the
          // trigger, "to" as the bridge, and no barrier between. So is a
          // second verb of a mandative that-clause ("suggested that the
          // cabinet suspend the deal and impose sanctions").
          const bool coordinated = after && (t[i].is("to") || t[i].is("that")) &&
                                   w.trigger > i + 1 && is_coordinator(t[w.trigger - 1].text) &&
                                   *after <= cue.reach + kCoordinatedInfinitiveReach;
          if (!after || (*after > cue.reach && !coordinated)) return std::nullopt;
          if (!gap(last, i, false)) return std::nullopt;
          if (i < w.trigger) m.last = i;
          return m;
        }
        if (i == w.trigger) break;
        ++objects;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<CueMatch> CueTable::nearest(const Window& w) const {
  const std::vector<Token>& t = *w.tokens;
  bool decided = false;
  for (std::size_t at = w.trigger; at-- > w.lower;) {
    if (!t[at].is_word() || (*w.in_span)[at] || !w.in_clause(at)) continue;
    std::optional<CueMatch> found;
    auto try_cue = [&](std::size_t index) {
      const Cue& cue = cues_[index];
      if (found) return;
      if (decided &&
          (cue.modality == Modality::kThreatened || cue.modality == Modality::kDemanded)) {
        return;
      }
      found = match(cue, w, at);
    };
    if (const auto it = by_first_word_.find(t[at].text); it != by_first_word_.end()) {
      for (std::size_t index : it->second) try_cue(index);
    }
    for (std::size_t index : by_suffix_) {
      if (word_matches(cues_[index].words.front(), t[at].text)) try_cue(index);
    }
    if (found) {
      // A negated threat, plan or demand ("did not threaten to", "has no
      // plans to") is a negation: look left over auxiliaries for a negator.
      if (found->modality != Modality::kNegated) {
        std::size_t skipped = 0;
        for (std::size_t i = found->first; i-- > w.lower && skipped <= 2;) {
          if (t[i].kind == Token::Kind::kComma || !w.in_clause(i)) continue;
          if (!t[i].is_word()) break;
          if (is_negator(t[i].text)) {
            const bool not_only = i + 1 < t.size() && (t[i + 1].is("only") || t[i + 1].is("just"));
            if (!not_only) {
              found->modality = Modality::kNegated;
              found->first = i;
            }
            break;
          }
          if (!is_transparent(t[i].text)) break;
          ++skipped;
        }
      }
      return found;
    }
    if (is_decision(t[at].text)) decided = true;
  }
  return std::nullopt;
}

}  // namespace demarche_modality
