# Prototype of Insula's crossover (GLPK.crossover, formulation.md 13.5) through GLPK's C API, to try
# fixing rules without a Swift build (docs/planning.md, "Multi-period build-out").
# usage: python3 crossover-prototype.py ORIGINAL.mps SPLIT.mps INTERIOR.sol RULE DISTANCE [PRICING]
#   SPLIT.mps from split-columns.py, INTERIOR.sol from `glpsol --freemps SPLIT.mps --interior -w INTERIOR.sol`;
#   RULE: strict (Insula's before: 1e-5), rel (within DISTANCE x max(1, |bound|)), ratio (slack < DISTANCE x |d|).
import ctypes, sys, time
g=ctypes.CDLL('libglpk.so.40')
class SMCP(ctypes.Structure):
    _fields_=[('msg_lev',ctypes.c_int),('meth',ctypes.c_int),('pricing',ctypes.c_int),('r_test',ctypes.c_int),
              ('tol_bnd',ctypes.c_double),('tol_dj',ctypes.c_double),('tol_piv',ctypes.c_double),('obj_ll',ctypes.c_double),('obj_ul',ctypes.c_double),
              ('it_lim',ctypes.c_int),('tm_lim',ctypes.c_int),('out_frq',ctypes.c_int),('out_dly',ctypes.c_int),('presolve',ctypes.c_int),
              ('excl',ctypes.c_int),('shift',ctypes.c_int),('aorn',ctypes.c_int),('foo',ctypes.c_double*40)]
g.glp_create_prob.restype=ctypes.c_void_p
for f in ['glp_get_col_lb','glp_get_col_ub','glp_get_obj_coef','glp_get_obj_val']: getattr(g,f).restype=ctypes.c_double
g.glp_get_col_name.restype=ctypes.c_char_p; g.glp_get_row_name.restype=ctypes.c_char_p
P=ctypes.c_void_p(g.glp_create_prob())
original, splitfile, solution = sys.argv[1:4]
del sys.argv[1:4]
g.glp_read_mps(P,2,None,original.encode())
m=g.glp_get_num_rows(P); n=g.glp_get_num_cols(P)
# split model's column order
order=[]; seen=set(); sec=None
for line in open(splitfile):
    if not line.startswith(' '): sec=line.split()[0]; continue
    if sec=='COLUMNS':
        c=line.split()[0]
        if c not in seen: seen.add(c); order.append(c)
pos={c:i for i,c in enumerate(order)}
colv={}; rowd=[]
for line in open(solution):
    p=line.split()
    if p[0]=='i': rowd.append(float(p[3]))
    if p[0]=='j': colv[int(p[1])-1]=float(p[2])
rowd=rowd[:m]
lb=[0]*n;ub=[0]*n;cost=[0]*n;x=[0]*n
ind=(ctypes.c_int*(m+1))(); val=(ctypes.c_double*(m+1))()
d=[0]*n
for j in range(1,n+1):
    lb[j-1]=g.glp_get_col_lb(P,j); ub[j-1]=g.glp_get_col_ub(P,j); cost[j-1]=g.glp_get_obj_coef(P,j)
    name=g.glp_get_col_name(P,j).decode(); x[j-1]=colv[pos[name]]
    k=g.glp_get_mat_col(P,j,ind,val); s=cost[j-1]
    for t in range(1,k+1): s-=val[t]*rowd[ind[t]-1]
    d[j-1]=s
rule=sys.argv[1]; theta=float(sys.argv[2])
fixed=[]
INF=1e300
for j in range(n):
    l,u=lb[j],ub[j]
    if not l<u: continue
    firm=1e-7*max(1,abs(cost[j]))
    if rule=='strict':
        atl = d[j]>firm and l>-INF and x[j]-l<=1e-5*max(1,abs(l))
        atu = d[j]<-firm and u<INF and u-x[j]<=1e-5*max(1,abs(u))
    elif rule=='rel':
        atl = d[j]>firm and l>-INF and x[j]-l<=theta*max(1,abs(l))
        atu = d[j]<-firm and u<INF and u-x[j]<=theta*max(1,abs(u))
    elif rule=='both':
        atl = d[j]>firm and l>-INF and x[j]-l<=1e-3*max(1,abs(l)) and (x[j]-l) < theta*d[j]
        atu = d[j]<-firm and u<INF and u-x[j]<=1e-3*max(1,abs(u)) and (u-x[j]) < -theta*d[j]
    else: # ratio: slack small relative to reduced cost (complementarity indicator)
        atl = d[j]>firm and l>-INF and (x[j]-l) < theta*d[j]
        atu = d[j]<-firm and u<INF and (u-x[j]) < -theta*d[j]
    if atl: fixed.append((j,True))
    elif atu: fixed.append((j,False))
print(rule,theta,'fixed',len(fixed),'of',n)
t0=time.time()
for j,atl in fixed:
    v=lb[j] if atl else ub[j]; g.glp_set_col_bnds(P,j+1,5,ctypes.c_double(v),ctypes.c_double(v))
p=SMCP(); g.glp_init_smcp(ctypes.byref(p)); p.msg_lev=1; p.meth=2; p.presolve=1
g.glp_scale_prob(P,0x80)
r=g.glp_simplex(P,ctypes.byref(p)); st=g.glp_get_status(P); it1=g.glp_get_it_cnt(P)
t1=time.time(); print('reduced: ret',r,'status',st,'it',it1,'%.2f s'%(t1-t0))
if st!=5: sys.exit()
for j,atl in fixed:
    l,u=lb[j],ub[j]
    typ=5 if l==u else (4 if l>-INF and u<INF else (2 if l>-INF else (3 if u<INF else 1)))
    g.glp_set_col_bnds(P,j+1,typ,ctypes.c_double(l if l>-INF else 0),ctypes.c_double(u if u<INF else 0))
    if g.glp_get_col_stat(P,j+1)!=1: g.glp_set_col_stat(P,j+1,2 if atl else 3)
p.meth=1; p.presolve=0
if len(sys.argv)>3: p.pricing=int(sys.argv[3],0)
r=g.glp_simplex(P,ctypes.byref(p)); st=g.glp_get_status(P)
t2=time.time(); print('polish: ret',r,'status',st,'it',g.glp_get_it_cnt(P)-it1,'%.2f s'%(t2-t1),'obj %.6f'%g.glp_get_obj_val(P))
