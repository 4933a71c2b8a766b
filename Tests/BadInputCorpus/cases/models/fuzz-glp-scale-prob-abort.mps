NAME t
ROWS
 N obj
 G c1
COLUMNS
 M1 'MARKER' 'INTORG'
 x obj 1 c1 1e300
 M2 'MARKER' 'INTEND'
 y obj 1 c1 1e-300
RHS
 rhs c1 1
BOUNDS
 UP bnd x 2
 UP bnd y 2
ENDATA
