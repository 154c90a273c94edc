// demarche/invisible.hpp: the invisible characters the engine drops from
// text before its rules see it (docs/rule-language.md, "Normalisation").
//
// A plugin that cuts Sentence::original into words itself must drop them
// too: otherwise "\u00ADRussian" (a soft hyphen first) or a byte order mark
// before "France" is another word to it, while the rules see "Russian" and
// "France". One definition, for the engine and for plugins.
#pragma once

namespace demarche {

// Soft hyphen U+00AD, zero-width space, non-joiner and joiner U+200B..U+200D,
// word joiner U+2060 and the byte order mark (zero-width no-break space)
// U+FEFF.
constexpr bool is_dropped_invisible(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

}  // namespace demarche
