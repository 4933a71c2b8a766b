#ifndef INSULA_CGLPK_SHIM_H
#define INSULA_CGLPK_SHIM_H
// GLPK's public API (Debian: /usr/include/glpk.h from libglpk-dev).
#include <glpk.h>
#endif
