// Runs a libFuzzer target without libFuzzer (GCC, CI): every file of the seed directories given on
// the command line, then a fixed number of deterministic mutations of them (bit flips, byte
// changes, truncations, splices). A crash or failed invariant fails the ctest case. For real
// coverage-guided fuzzing build the same target with clang -fsanitize=fuzzer (see each file).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::uint64_t next(std::uint64_t& s) {  // splitmix64: the same inputs on every machine
  std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> seeds;
  long iterations = 20000;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--iterations=", 0) == 0) {
      iterations = std::atol(arg.c_str() + 13);
      continue;
    }
    std::filesystem::path p(arg);
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(p)) {
      for (auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file()) files.push_back(e.path());
    } else if (std::filesystem::is_regular_file(p)) {
      files.push_back(p);
    }
    for (auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  seeds.push_back("");
  for (const auto& s : seeds) run(s);

  std::uint64_t state = 20261123;
  for (long i = 0; i < iterations; ++i) {
    std::string input = seeds[next(state) % seeds.size()];
    int edits = 1 + static_cast<int>(next(state) % 8);
    for (int e = 0; e < edits; ++e) {
      std::uint64_t r = next(state);
      switch (r % 5) {
        case 0:
          if (!input.empty()) input[next(state) % input.size()] ^= static_cast<char>(1u << (r >> 8) % 8);
          break;
        case 1:
          if (!input.empty()) input[next(state) % input.size()] = static_cast<char>(next(state));
          break;
        case 2:
          if (!input.empty()) input.resize(next(state) % input.size());
          break;
        case 3: {
          const std::string& other = seeds[next(state) % seeds.size()];
          if (!other.empty()) {
            std::size_t from = next(state) % other.size();
            input.insert(input.empty() ? 0 : next(state) % input.size(), other.substr(from, 1 + next(state) % 64));
          }
          break;
        }
        default:
          input.insert(input.empty() ? 0 : next(state) % input.size(), 1, static_cast<char>(next(state)));
      }
    }
    run(input);
  }
  std::printf("fuzz replay: %zu seeds, %ld mutated inputs, no crash\n", seeds.size(), iterations);
  return 0;
}
