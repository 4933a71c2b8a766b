# Writes a model with its dense columns split into copies tied by a tree, as Insula's DenseSplit
# does before interior point (structure only: copies keep the column's bounds), so that glpsol can
# report the Cholesky factor's size ("Matrix L has N non-zeros") of each variant.
# usage: python3 split-columns.py IN.mps OUT.mps MIN_ENTRIES BLOCK entries|day [FANOUT]
#   entries: a copy per BLOCK entries in file order (Insula's rule); day: a copy per BLOCK days of
#   the rows' timestamps (per-block copies by time).
import sys, re, collections
src, dst, thresh, block, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
rows=[]; rowtype={}; cols=collections.OrderedDict(); rhs=[]; ranges=[]; bounds=[]; sec=None; obj=None
for line in open(src):
    if line.startswith('*'): continue
    if not line.startswith(' '):
        sec=line.split()[0]; continue
    p=line.split()
    if sec=='ROWS':
        rows.append(p[1]); rowtype[p[1]]=p[0]
        if p[0]=='N' and obj is None: obj=p[1]
    elif sec=='COLUMNS':
        if 'MARKER' in line: continue
        c=cols.setdefault(p[0],[])
        for i in range(1,len(p),2): c.append((p[i],p[i+1]))
    elif sec=='RHS': rhs.append(line)
    elif sec=='RANGES': ranges.append(line)
    elif sec=='BOUNDS': bounds.append(p)
cb=collections.defaultdict(list)
for b in bounds: cb[b[2]].append(b)
newrows=[]; newcols=collections.OrderedDict(); newbounds=[]
def day(r):
    m=re.search(r'\[(?:[^,\]]*,)?(\d{4}-\d\d-\d\d)T',r)
    return m.group(1) if m else None
nsplit=0
for c,ents in cols.items():
    real=[e for e in ents if e[0]!=obj]
    if len(real)<=thresh:
        newcols[c]=ents; continue
    nsplit+=1
    keep=[e for e in ents if e[0]==obj]
    groups=[]
    if mode=='entries':
        for i in range(0,len(real),block): groups.append(real[i:i+block])
    else:  # by day: one copy per (row family prefix-free) day, entries without a day in blocks
        g=collections.OrderedDict()
        for e in real: g.setdefault(day(e[0]) or 'nd%d'%(len(g)),[]).append(e)
        # merge into groups of `block` days
        items=list(g.values())
        for i in range(0,len(items),block): groups.append(sum(items[i:i+block],[]))
    leaves=[]
    for gi,gr in enumerate(groups):
        name='%s#c%d'%(c,gi); newcols[name]=list(gr); leaves.append(name)
        for b in cb.get(c,[]): newbounds.append([b[0],b[1],name]+b[3:])
    fan=max(2,int(sys.argv[6]) if len(sys.argv)>6 else 6)
    level=leaves; depth=0
    while len(level)>fan:
        depth+=1; parents=[]
        for s in range(0,len(level),fan):
            pn='%s#n%d_%d'%(c,depth,len(parents)); newcols[pn]=[]
            for b in cb.get(c,[]): newbounds.append([b[0],b[1],pn]+b[3:])
            for ch in level[s:s+fan]:
                t='T_%s_%s'%(ch,pn); newrows.append(t); newcols[ch].append((t,'1')); newcols[pn].append((t,'-1'))
            parents.append(pn)
        level=parents
    for ch in level:
        t='T_%s_%s'%(ch,c); newrows.append(t); newcols[ch].append((t,'1')); keep.append((t,'-1'))
    newcols[c]=keep
with open(dst,'w') as f:
    f.write('NAME split\nROWS\n')
    for r in rows: f.write(' %s %s\n'%(rowtype[r],r))
    for r in newrows: f.write(' E %s\n'%r)
    f.write('COLUMNS\n')
    for c,ents in newcols.items():
        if not ents: f.write(' %s %s 0\n'%(c,obj))
        for r,v in ents: f.write(' %s %s %s\n'%(c,r,v))
    f.write('RHS\n'); f.writelines(rhs)
    if ranges: f.write('RANGES\n'); f.writelines(ranges)
    f.write('BOUNDS\n')
    for b in bounds+newbounds: f.write(' '+' '.join(b)+'\n')
    f.write('ENDATA\n')
print('split',nsplit,'columns')
