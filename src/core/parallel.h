// parallelFor: runs f(i) for i in [0, n) on up to four threads (the calling one included).
// Unlock, import and the hub's import spend their time decrypting, parsing and sealing records that do not depend
// on each other; SQLite work stays on the calling thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace gocua {

template <class F>
void parallelFor(std::size_t n, F&& f) {
  const std::size_t workers =
      std::min<std::size_t>({4, std::max(1u, std::thread::hardware_concurrency()), std::max<std::size_t>(n / 64, 1)});
  auto run = [&](std::size_t first) {
    for (std::size_t i = first; i < n; i += workers) f(i);
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(run, w);
  run(0);
  for (auto& t : threads) t.join();
}

}  // namespace gocua
