// Umbrella header of the forms module: form definitions, validation, the registry.
#pragma once

#include "forms/expression.h"
#include "forms/field.h"
#include "forms/form.h"
#include "forms/registry.h"
