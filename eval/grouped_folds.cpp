#include "grouped_folds.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <string>

namespace demarche::cli {
namespace {

// Per sentence, its group's index, groups numbered in order of first appearance.
std::vector<std::size_t> group_of(const std::vector<GoldSentence>& gold, std::size_t& groups) {
  std::map<std::string, std::size_t> by_url;
  std::vector<std::size_t> out;
  out.reserve(gold.size());
  groups = 0;
  for (const GoldSentence& sentence : gold) {
    if (sentence.url.empty()) {
      out.push_back(groups++);
      continue;
    }
    const auto [it, added] = by_url.emplace(sentence.url, groups);
    if (added) ++groups;
    out.push_back(it->second);
  }
  return out;
}

}  // namespace

std::size_t count_groups(const std::vector<GoldSentence>& gold) {
  std::size_t groups = 0;
  group_of(gold, groups);
  return groups;
}

FoldAssignment assign_grouped_folds(const std::vector<GoldSentence>& gold, std::size_t folds,
                                    unsigned seed) {
  FoldAssignment out;
  out.folds = folds;
  const std::vector<std::size_t> group = group_of(gold, out.groups);
  if (folds == 0 || out.groups < folds) {
    throw std::invalid_argument(std::to_string(folds) + " folds need at least as many groups; " +
                                "there are " + std::to_string(out.groups));
  }
  std::vector<std::size_t> size(out.groups, 0);
  for (std::size_t g : group) ++size[g];

  std::vector<std::size_t> order(out.groups);
  for (std::size_t g = 0; g < out.groups; ++g) order[g] = g;
  // Fisher-Yates by hand: std::shuffle's sequence differs between standard
  // libraries, and a fold assignment should not.
  std::mt19937 random(seed);
  for (std::size_t i = order.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(random() % i);
    std::swap(order[i - 1], order[j]);
  }
  // Stable: groups of equal size keep the shuffled order.
  std::stable_sort(order.begin(), order.end(),
                   [&size](std::size_t a, std::size_t b) { return size[a] > size[b]; });

  std::vector<std::size_t> fold_of_group(out.groups, 0);
  std::vector<std::size_t> load(folds, 0);
  for (std::size_t g : order) {
    const auto lightest = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) -
                                                   load.begin());  // the first on a tie
    fold_of_group[g] = lightest;
    load[lightest] += size[g];
  }
  out.fold_of.reserve(gold.size());
  for (std::size_t g : group) out.fold_of.push_back(fold_of_group[g]);
  return out;
}

}  // namespace demarche::cli
