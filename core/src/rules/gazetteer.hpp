// Actor classes for `source:` and `target:`: the words that name a state, an
// international body or an official, read from a gazetteer file.
//
// The file is the one the shipped actors plugin embeds (rules/actors.tsv), so
// the rules and the plugin agree on who is an actor. Its format: a header
// `code<TAB>kind<TAB>name<TAB>aliases`, then one row per actor; `kind` names
// the class (`state`, `igo`, `official`), and the name and the `|`-separated
// aliases are its keys.
#pragma once

#include <string>
#include <vector>

#include "rules/diagnostics.hpp"
#include "rules/loader.hpp"

namespace demarche::rules {

struct ActorKey {
  std::string kind;
  std::string key;
};

// Every key of a gazetteer file, in file order. Problems are E018 errors at
// the file's line and column; the rows that have none are still returned.
std::vector<ActorKey> parse_gazetteer(const GazetteerText& file, DiagnosticSink& sink);

// parse_gazetteer for each of `files.gazetteers`, in order.
std::vector<std::vector<ActorKey>> parse_gazetteers(const ParsedFiles& files, DiagnosticSink& sink);

// An RE2 pattern that finds any of `keys`, whatever the case setting of the
// piece it stands in: longest first, so that "United States of America" wins
// over "United States". A key with a capital letter (of any alphabet: "É"
// as much as "U") matches as written ("US" is not "us"); an all-lower-case
// key ("foreign minister") in any case.
std::string actor_keys_pattern(std::vector<std::string> keys);

}  // namespace demarche::rules
