// Casebook archives: bytes either load (then saving and loading again gives the same casebook, byte
// for byte in the text format) or are refused with a status; never a crash or a huge allocation.
#include "fuzz_check.hpp"
#include "iro/data/casebook.hpp"
#include "iro/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  Casebook book;
  try {
    book = Casebook::from_bytes(fuzz::text(data, size), "fuzz.cbk");
  } catch (const Error&) {
    return 0;
  }
  const std::string text = book.to_bytes(ArchiveFormat::text);
  const Casebook again = Casebook::from_bytes(text, "resaved.cbk");
  fuzz::check(again.to_bytes(ArchiveFormat::text) == text, "a re-saved archive loads to the same casebook");
  fuzz::check(
      Casebook::from_bytes(book.to_bytes(ArchiveFormat::binary), "binary.cbk").to_bytes(ArchiveFormat::text) == text,
      "binary and text archives hold the same casebook");
  return 0;
}
