// Which of many pieces occur in a text, from one Vectorscan (Hyperscan)
// database compiled ahead of the first sentence.
//
// Why not RE2::Set alone: RE2::Set builds its DFA lazily, one state at a
// time, as new text needs it, so a fresh process on text it has not seen
// pays for building the automaton instead of running it (measured on news:
// 580 µs a sentence fresh against 18-35 µs warm). A Vectorscan database is
// complete before the first sentence, so the first sentence costs what the
// millionth does.
//
// Vectorscan reads most RE2 syntax, not all of it; a piece it refuses is
// left to the caller (`refused()`), which scans it with RE2. A piece it
// accepts is reported present when its regex matches somewhere in the text:
// the caller then asks RE2 where, so a report RE2 would not confirm costs a
// search and changes nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace demarche::match {

class HyperscanScan {
 public:
  // Compiles `regexes` (piece_regex() strings), regex i standing for piece
  // `pieces[i]`. A regex longer than `max_length` (0: no bound) is given to
  // Vectorscan in parts that together match what it matches
  // (pattern_split.hpp), each reporting its piece. Regexes Vectorscan
  // cannot compile, whole or in parts, are listed by refused().
  HyperscanScan(const std::vector<std::string>& regexes, const std::vector<int>& pieces,
                std::size_t max_length = 0);
  ~HyperscanScan();
  HyperscanScan(const HyperscanScan&) = delete;
  HyperscanScan& operator=(const HyperscanScan&) = delete;

  // The pieces (from `pieces`) left out of the database, in order.
  const std::vector<int>& refused() const { return refused_; }
  // Why the whole database could not be built; empty when it was.
  const std::string& error() const { return error_; }

  // Appends the pieces of the database that occur in `text` (unsorted; once
  // per member that matched, so a piece in parts may come more than once).
  // False, with `error` set, when the scan failed.
  bool present(std::string_view text, std::vector<int>* ids, std::string* error) const;

  // The database's size in bytes, which the memory budget bounds.
  std::size_t size_bytes() const;

 private:
  // Member m of the database is (a part of) regex members[m], standing for
  // pieces[members[m]]; the pieces of regexes no member names are refused.
  void keep_members(const std::vector<unsigned>& members, const std::vector<int>& pieces);

  struct Database;
  std::unique_ptr<Database> db_;
  std::vector<int> piece_of_;  // per database member
  std::vector<int> refused_;
  std::string error_;
  std::uint64_t serial_ = 0;  // tells databases apart for per-thread scratch
};

}  // namespace demarche::match
