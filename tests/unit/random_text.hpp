// random_text.hpp: random byte strings that are hard on a JSON string
// writer, for comparing json_out.hpp with nlohmann (json_out_test.cpp,
// jsonl_writer_test.cpp). Header-only because tests/CMakeLists.txt compiles
// only *_test.cpp here.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>

namespace demarche::cli::testing {

// Appends `code_point` as UTF-8 (also surrogates, which makes ill-formed text).
inline void append_utf8(std::string& out, std::uint32_t code_point) {
  const auto byte = [&](std::uint32_t b) {
    out += static_cast<char>(static_cast<unsigned char>(b));
  };
  if (code_point < 0x80) {
    byte(code_point);
  } else if (code_point < 0x800) {
    byte(0xC0 | (code_point >> 6));
    byte(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    byte(0xE0 | (code_point >> 12));
    byte(0x80 | ((code_point >> 6) & 0x3F));
    byte(0x80 | (code_point & 0x3F));
  } else {
    byte(0xF0 | (code_point >> 18));
    byte(0x80 | ((code_point >> 12) & 0x3F));
    byte(0x80 | ((code_point >> 6) & 0x3F));
    byte(0x80 | (code_point & 0x3F));
  }
}

// Up to `max_length` pieces, each one of: any byte; a byte that matters to
// UTF-8 or JSON (controls, quote, backslash, DEL, continuation bytes, the
// leads with narrowed second-byte ranges, bytes never in UTF-8); a whole
// character of 2, 3 or 4 bytes; such a character cut short; plain ASCII.
inline std::string random_text(std::mt19937& random, std::size_t max_length = 24) {
  static constexpr std::array<unsigned char, 22> kTricky = {
      0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1F, '"',  '\\',
      0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5};
  const auto below = [&](std::uint32_t n) {
    return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(random);
  };
  std::string out;
  const std::size_t pieces = below(static_cast<std::uint32_t>(max_length) + 1);
  for (std::size_t i = 0; i < pieces; ++i) {
    switch (below(6)) {
      case 0:
        out += static_cast<char>(below(256));
        break;
      case 1:
        out += static_cast<char>(kTricky[below(kTricky.size())]);
        break;
      case 2:
        append_utf8(out, 0x80 + below(0x800 - 0x80));
        break;
      case 3:
        append_utf8(out, 0x800 + below(0x10000 - 0x800));  // surrogates included
        break;
      case 4: {
        std::string whole;
        append_utf8(whole, 0x10000 + below(0x110000 - 0x10000));
        out += below(2) == 0 ? whole : whole.substr(0, 1 + below(3));
        break;
      }
      default:
        out += static_cast<char>(' ' + below(95));
        break;
    }
  }
  return out;
}

}  // namespace demarche::cli::testing
