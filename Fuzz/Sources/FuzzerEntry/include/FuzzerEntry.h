#ifndef FUZZER_ENTRY_H
#define FUZZER_ENTRY_H
// Declared here so the entry points below can hand libFuzzer's own driver the fuzz function.
#endif
