#include "text/document_sentences.hpp"

#include <algorithm>
#include <vector>

#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace demarche::text {

void for_each_document_sentence(std::string_view document, const std::function<void(Span)>& each,
                                std::size_t block_bytes) {
  block_bytes = std::max<std::size_t>(block_bytes, 1);
  std::size_t begin = 0;
  // The loop runs once for an empty document, which has no sentence either way.
  do {
    // A block ends just after a '\n' (so a "\r\n" is never cut in two), or
    // with the document.
    std::size_t end = document.size();
    if (document.size() - begin > block_bytes) {
      const std::size_t newline = document.find('\n', begin + block_bytes - 1);
      if (newline != std::string_view::npos) end = newline + 1;
    }
    const std::string_view block = document.substr(begin, end - begin);
    std::vector<Span> sentences;
    {
      const MatchText norm(block);
      sentences = segment_sentences(norm.text());
      for (Span& s : sentences) {
        s = norm.original_span(s.begin, s.end);
        s.begin += begin;
        s.end += begin;
      }
    }  // the block's normalised copy is released before its sentences are used
    for (const Span& s : sentences) each(s);
    begin = end;
  } while (begin < document.size());
}

}  // namespace demarche::text
