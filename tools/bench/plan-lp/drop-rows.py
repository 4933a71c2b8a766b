# Drops the rows whose names match a regular expression (structure experiments: which family
# makes the factor fill in). usage: python3 drop-rows.py IN.mps OUT.mps REGEX
import sys,re
src,dst,pat=sys.argv[1],sys.argv[2],re.compile(sys.argv[3])
lines=open(src).read().split('\n')
hasobj=set(); sec=None
for line in lines:
    if not line.startswith(' '): sec=line.split()[0] if line else None; continue
    p=line.split()
    if sec=='COLUMNS' and p[1]=='R0000000': hasobj.add(p[0])
out=open(dst,'w'); sec=None; touched=set()
for line in lines:
    if not line.startswith(' '):
        if sec=='COLUMNS':
            pass
        sec=line.split()[0] if line else None; out.write(line+'\n'); continue
    p=line.split()
    if sec=='ROWS' and pat.search(p[1]): continue
    if sec in ('COLUMNS','RHS','RANGES'):
        if pat.search(p[1]):
            if sec=='COLUMNS' and p[0] not in hasobj and p[0] not in touched:
                touched.add(p[0]); out.write(' %s R0000000 0\n'%p[0])
            continue
    out.write(line+'\n')
