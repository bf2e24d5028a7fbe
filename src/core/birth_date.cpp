#include "core/birth_date.h"

#include "core/errors.h"

namespace gocua::core {

Result<Date> parseBirthDate(std::string_view text, const Date& today) {
  auto d = parseDate(text, DatePrecision::Year);
  if (!d) return d.error().is(err::kDateFuture) ? Error::make(err::kDateBirthFuture) : d.error();
  if (!requireNotFuture(*d, today).ok()) return Error::make(err::kDateBirthFuture);
  return d;
}

}  // namespace gocua::core
