// Typed reads of JSON that comes from outside the program (files on disk or a stick, HTTP bodies,
// settings). nlohmann's typed `j.value(key, default)` throws type_error when the key holds another
// type ("idle_lock_minutes":"10"), and an exception must never cross a module border; these never
// throw. Use them for every JSON the program did not build itself in the same function
// (tests/lint/json_value_check.sh refuses a typed `.value(` elsewhere).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace gocua {

namespace json_detail {
template <class T>
std::optional<T> as(const nlohmann::json& v) {
  if constexpr (std::is_same_v<T, bool>) {
    if (v.is_boolean()) return v.get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    // Integers only (a float "10.5" is not silently truncated) and only when they fit T.
    if (v.is_number_unsigned()) {
      auto u = v.get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())) return static_cast<T>(u);
    } else if (v.is_number_integer()) {
      auto i = v.get<std::int64_t>();
      if constexpr (std::is_signed_v<T>) {
        if (i >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
            i <= static_cast<std::int64_t>(std::numeric_limits<T>::max()))
          return static_cast<T>(i);
      } else {
        if (i >= 0 && static_cast<std::uint64_t>(i) <= std::numeric_limits<T>::max()) return static_cast<T>(i);
      }
    }
  } else if constexpr (std::is_floating_point_v<T>) {
    if (v.is_number()) return v.get<T>();
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (v.is_string()) return v.get_ref<const std::string&>();
  } else if constexpr (std::is_same_v<T, nlohmann::json>) {
    return v;
  } else {
    static_assert(sizeof(T) == 0, "jsonField: bool, integers, floating point, std::string or json");
  }
  return std::nullopt;
}
}  // namespace json_detail

// The field `key` of object `j` as a T; nullopt when j is not an object, the key is absent, or its
// value is of another type (or an integer out of T's range).
template <class T>
std::optional<T> jsonField(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  return json_detail::as<T>(*it);
}

// The field, or `fallback` when jsonField finds nothing of type T there.
template <class T>
T jsonValue(const nlohmann::json& j, std::string_view key, T fallback) {
  auto v = jsonField<T>(j, key);
  return v ? std::move(*v) : std::move(fallback);
}

// String literals as fallback read as std::string.
inline std::string jsonValue(const nlohmann::json& j, std::string_view key, const char* fallback) {
  return jsonValue<std::string>(j, key, std::string(fallback));
}

}  // namespace gocua
