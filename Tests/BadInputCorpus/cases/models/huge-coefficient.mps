NAME t
ROWS
 N obj
 G c1
COLUMNS
 x obj 1 c1 1e300
 y obj 1 c1 1e-300
RHS
 rhs c1 1
ENDATA
