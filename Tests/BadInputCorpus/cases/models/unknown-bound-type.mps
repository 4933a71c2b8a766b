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
 ZZ bnd x 1
ENDATA
