NAME t
ROWS
 N obj
 G c1
COLUMNS
 x obj 1 c1 1
 y obj 2 c1 1
RHS
 rhs c1 1
BOUNDS
 FX bnd x 0
 FX bnd x 0
ENDATA
