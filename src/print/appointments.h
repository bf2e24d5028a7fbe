// The commune police's list of VNeID level-2 appointments for one village: a table (STT, họ tên,
// ngày sinh, số định danh, điện thoại, ngày hẹn), by appointment date, then name.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "print/layout.h"

namespace gocua::print {

struct AppointmentRow {
  std::string name, dateOfBirth, personalId, phone, appointmentDate;  // as answered; may be empty
};

struct AppointmentList {
  std::string communeName, village;
  core::Date printDate;
  std::vector<AppointmentRow> rows;  // any order: the layout sorts
};

// Errors: "text.invalid_utf8" when a value is not valid UTF-8.
Result<PageLayout> layoutAppointments(const AppointmentList& list, const Measure& measure = estimateWidth);

}  // namespace gocua::print
