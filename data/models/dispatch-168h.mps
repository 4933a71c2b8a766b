* Problem:    dispatch_bench
* Class:      LP
* Rows:       1009
* Columns:    1512
* Non-zeros:  3525
* Format:     Free MPS
*
NAME dispatch_bench
ROWS
 N R0000000
 E balance[0]
 E balance[1]
 E balance[2]
 E balance[3]
 E balance[4]
 E balance[5]
 E balance[6]
 E balance[7]
 E balance[8]
 E balance[9]
 E balance[10]
 E balance[11]
 E balance[12]
 E balance[13]
 E balance[14]
 E balance[15]
 E balance[16]
 E balance[17]
 E balance[18]
 E balance[19]
 E balance[20]
 E balance[21]
 E balance[22]
 E balance[23]
 E balance[24]
 E balance[25]
 E balance[26]
 E balance[27]
 E balance[28]
 E balance[29]
 E balance[30]
 E balance[31]
 E balance[32]
 E balance[33]
 E balance[34]
 E balance[35]
 E balance[36]
 E balance[37]
 E balance[38]
 E balance[39]
 E balance[40]
 E balance[41]
 E balance[42]
 E balance[43]
 E balance[44]
 E balance[45]
 E balance[46]
 E balance[47]
 E balance[48]
 E balance[49]
 E balance[50]
 E balance[51]
 E balance[52]
 E balance[53]
 E balance[54]
 E balance[55]
 E balance[56]
 E balance[57]
 E balance[58]
 E balance[59]
 E balance[60]
 E balance[61]
 E balance[62]
 E balance[63]
 E balance[64]
 E balance[65]
 E balance[66]
 E balance[67]
 E balance[68]
 E balance[69]
 E balance[70]
 E balance[71]
 E balance[72]
 E balance[73]
 E balance[74]
 E balance[75]
 E balance[76]
 E balance[77]
 E balance[78]
 E balance[79]
 E balance[80]
 E balance[81]
 E balance[82]
 E balance[83]
 E balance[84]
 E balance[85]
 E balance[86]
 E balance[87]
 E balance[88]
 E balance[89]
 E balance[90]
 E balance[91]
 E balance[92]
 E balance[93]
 E balance[94]
 E balance[95]
 E balance[96]
 E balance[97]
 E balance[98]
 E balance[99]
 E balance[100]
 E balance[101]
 E balance[102]
 E balance[103]
 E balance[104]
 E balance[105]
 E balance[106]
 E balance[107]
 E balance[108]
 E balance[109]
 E balance[110]
 E balance[111]
 E balance[112]
 E balance[113]
 E balance[114]
 E balance[115]
 E balance[116]
 E balance[117]
 E balance[118]
 E balance[119]
 E balance[120]
 E balance[121]
 E balance[122]
 E balance[123]
 E balance[124]
 E balance[125]
 E balance[126]
 E balance[127]
 E balance[128]
 E balance[129]
 E balance[130]
 E balance[131]
 E balance[132]
 E balance[133]
 E balance[134]
 E balance[135]
 E balance[136]
 E balance[137]
 E balance[138]
 E balance[139]
 E balance[140]
 E balance[141]
 E balance[142]
 E balance[143]
 E balance[144]
 E balance[145]
 E balance[146]
 E balance[147]
 E balance[148]
 E balance[149]
 E balance[150]
 E balance[151]
 E balance[152]
 E balance[153]
 E balance[154]
 E balance[155]
 E balance[156]
 E balance[157]
 E balance[158]
 E balance[159]
 E balance[160]
 E balance[161]
 E balance[162]
 E balance[163]
 E balance[164]
 E balance[165]
 E balance[166]
 E balance[167]
 E soc_balance[0]
 E soc_balance[1]
 E soc_balance[2]
 E soc_balance[3]
 E soc_balance[4]
 E soc_balance[5]
 E soc_balance[6]
 E soc_balance[7]
 E soc_balance[8]
 E soc_balance[9]
 E soc_balance[10]
 E soc_balance[11]
 E soc_balance[12]
 E soc_balance[13]
 E soc_balance[14]
 E soc_balance[15]
 E soc_balance[16]
 E soc_balance[17]
 E soc_balance[18]
 E soc_balance[19]
 E soc_balance[20]
 E soc_balance[21]
 E soc_balance[22]
 E soc_balance[23]
 E soc_balance[24]
 E soc_balance[25]
 E soc_balance[26]
 E soc_balance[27]
 E soc_balance[28]
 E soc_balance[29]
 E soc_balance[30]
 E soc_balance[31]
 E soc_balance[32]
 E soc_balance[33]
 E soc_balance[34]
 E soc_balance[35]
 E soc_balance[36]
 E soc_balance[37]
 E soc_balance[38]
 E soc_balance[39]
 E soc_balance[40]
 E soc_balance[41]
 E soc_balance[42]
 E soc_balance[43]
 E soc_balance[44]
 E soc_balance[45]
 E soc_balance[46]
 E soc_balance[47]
 E soc_balance[48]
 E soc_balance[49]
 E soc_balance[50]
 E soc_balance[51]
 E soc_balance[52]
 E soc_balance[53]
 E soc_balance[54]
 E soc_balance[55]
 E soc_balance[56]
 E soc_balance[57]
 E soc_balance[58]
 E soc_balance[59]
 E soc_balance[60]
 E soc_balance[61]
 E soc_balance[62]
 E soc_balance[63]
 E soc_balance[64]
 E soc_balance[65]
 E soc_balance[66]
 E soc_balance[67]
 E soc_balance[68]
 E soc_balance[69]
 E soc_balance[70]
 E soc_balance[71]
 E soc_balance[72]
 E soc_balance[73]
 E soc_balance[74]
 E soc_balance[75]
 E soc_balance[76]
 E soc_balance[77]
 E soc_balance[78]
 E soc_balance[79]
 E soc_balance[80]
 E soc_balance[81]
 E soc_balance[82]
 E soc_balance[83]
 E soc_balance[84]
 E soc_balance[85]
 E soc_balance[86]
 E soc_balance[87]
 E soc_balance[88]
 E soc_balance[89]
 E soc_balance[90]
 E soc_balance[91]
 E soc_balance[92]
 E soc_balance[93]
 E soc_balance[94]
 E soc_balance[95]
 E soc_balance[96]
 E soc_balance[97]
 E soc_balance[98]
 E soc_balance[99]
 E soc_balance[100]
 E soc_balance[101]
 E soc_balance[102]
 E soc_balance[103]
 E soc_balance[104]
 E soc_balance[105]
 E soc_balance[106]
 E soc_balance[107]
 E soc_balance[108]
 E soc_balance[109]
 E soc_balance[110]
 E soc_balance[111]
 E soc_balance[112]
 E soc_balance[113]
 E soc_balance[114]
 E soc_balance[115]
 E soc_balance[116]
 E soc_balance[117]
 E soc_balance[118]
 E soc_balance[119]
 E soc_balance[120]
 E soc_balance[121]
 E soc_balance[122]
 E soc_balance[123]
 E soc_balance[124]
 E soc_balance[125]
 E soc_balance[126]
 E soc_balance[127]
 E soc_balance[128]
 E soc_balance[129]
 E soc_balance[130]
 E soc_balance[131]
 E soc_balance[132]
 E soc_balance[133]
 E soc_balance[134]
 E soc_balance[135]
 E soc_balance[136]
 E soc_balance[137]
 E soc_balance[138]
 E soc_balance[139]
 E soc_balance[140]
 E soc_balance[141]
 E soc_balance[142]
 E soc_balance[143]
 E soc_balance[144]
 E soc_balance[145]
 E soc_balance[146]
 E soc_balance[147]
 E soc_balance[148]
 E soc_balance[149]
 E soc_balance[150]
 E soc_balance[151]
 E soc_balance[152]
 E soc_balance[153]
 E soc_balance[154]
 E soc_balance[155]
 E soc_balance[156]
 E soc_balance[157]
 E soc_balance[158]
 E soc_balance[159]
 E soc_balance[160]
 E soc_balance[161]
 E soc_balance[162]
 E soc_balance[163]
 E soc_balance[164]
 E soc_balance[165]
 E soc_balance[166]
 E soc_balance[167]
 L ramp_up[0]
 L ramp_up[1]
 L ramp_up[2]
 L ramp_up[3]
 L ramp_up[4]
 L ramp_up[5]
 L ramp_up[6]
 L ramp_up[7]
 L ramp_up[8]
 L ramp_up[9]
 L ramp_up[10]
 L ramp_up[11]
 L ramp_up[12]
 L ramp_up[13]
 L ramp_up[14]
 L ramp_up[15]
 L ramp_up[16]
 L ramp_up[17]
 L ramp_up[18]
 L ramp_up[19]
 L ramp_up[20]
 L ramp_up[21]
 L ramp_up[22]
 L ramp_up[23]
 L ramp_up[24]
 L ramp_up[25]
 L ramp_up[26]
 L ramp_up[27]
 L ramp_up[28]
 L ramp_up[29]
 L ramp_up[30]
 L ramp_up[31]
 L ramp_up[32]
 L ramp_up[33]
 L ramp_up[34]
 L ramp_up[35]
 L ramp_up[36]
 L ramp_up[37]
 L ramp_up[38]
 L ramp_up[39]
 L ramp_up[40]
 L ramp_up[41]
 L ramp_up[42]
 L ramp_up[43]
 L ramp_up[44]
 L ramp_up[45]
 L ramp_up[46]
 L ramp_up[47]
 L ramp_up[48]
 L ramp_up[49]
 L ramp_up[50]
 L ramp_up[51]
 L ramp_up[52]
 L ramp_up[53]
 L ramp_up[54]
 L ramp_up[55]
 L ramp_up[56]
 L ramp_up[57]
 L ramp_up[58]
 L ramp_up[59]
 L ramp_up[60]
 L ramp_up[61]
 L ramp_up[62]
 L ramp_up[63]
 L ramp_up[64]
 L ramp_up[65]
 L ramp_up[66]
 L ramp_up[67]
 L ramp_up[68]
 L ramp_up[69]
 L ramp_up[70]
 L ramp_up[71]
 L ramp_up[72]
 L ramp_up[73]
 L ramp_up[74]
 L ramp_up[75]
 L ramp_up[76]
 L ramp_up[77]
 L ramp_up[78]
 L ramp_up[79]
 L ramp_up[80]
 L ramp_up[81]
 L ramp_up[82]
 L ramp_up[83]
 L ramp_up[84]
 L ramp_up[85]
 L ramp_up[86]
 L ramp_up[87]
 L ramp_up[88]
 L ramp_up[89]
 L ramp_up[90]
 L ramp_up[91]
 L ramp_up[92]
 L ramp_up[93]
 L ramp_up[94]
 L ramp_up[95]
 L ramp_up[96]
 L ramp_up[97]
 L ramp_up[98]
 L ramp_up[99]
 L ramp_up[100]
 L ramp_up[101]
 L ramp_up[102]
 L ramp_up[103]
 L ramp_up[104]
 L ramp_up[105]
 L ramp_up[106]
 L ramp_up[107]
 L ramp_up[108]
 L ramp_up[109]
 L ramp_up[110]
 L ramp_up[111]
 L ramp_up[112]
 L ramp_up[113]
 L ramp_up[114]
 L ramp_up[115]
 L ramp_up[116]
 L ramp_up[117]
 L ramp_up[118]
 L ramp_up[119]
 L ramp_up[120]
 L ramp_up[121]
 L ramp_up[122]
 L ramp_up[123]
 L ramp_up[124]
 L ramp_up[125]
 L ramp_up[126]
 L ramp_up[127]
 L ramp_up[128]
 L ramp_up[129]
 L ramp_up[130]
 L ramp_up[131]
 L ramp_up[132]
 L ramp_up[133]
 L ramp_up[134]
 L ramp_up[135]
 L ramp_up[136]
 L ramp_up[137]
 L ramp_up[138]
 L ramp_up[139]
 L ramp_up[140]
 L ramp_up[141]
 L ramp_up[142]
 L ramp_up[143]
 L ramp_up[144]
 L ramp_up[145]
 L ramp_up[146]
 L ramp_up[147]
 L ramp_up[148]
 L ramp_up[149]
 L ramp_up[150]
 L ramp_up[151]
 L ramp_up[152]
 L ramp_up[153]
 L ramp_up[154]
 L ramp_up[155]
 L ramp_up[156]
 L ramp_up[157]
 L ramp_up[158]
 L ramp_up[159]
 L ramp_up[160]
 L ramp_up[161]
 L ramp_up[162]
 L ramp_up[163]
 L ramp_up[164]
 L ramp_up[165]
 L ramp_up[166]
 L ramp_up[167]
 L ramp_down[0]
 L ramp_down[1]
 L ramp_down[2]
 L ramp_down[3]
 L ramp_down[4]
 L ramp_down[5]
 L ramp_down[6]
 L ramp_down[7]
 L ramp_down[8]
 L ramp_down[9]
 L ramp_down[10]
 L ramp_down[11]
 L ramp_down[12]
 L ramp_down[13]
 L ramp_down[14]
 L ramp_down[15]
 L ramp_down[16]
 L ramp_down[17]
 L ramp_down[18]
 L ramp_down[19]
 L ramp_down[20]
 L ramp_down[21]
 L ramp_down[22]
 L ramp_down[23]
 L ramp_down[24]
 L ramp_down[25]
 L ramp_down[26]
 L ramp_down[27]
 L ramp_down[28]
 L ramp_down[29]
 L ramp_down[30]
 L ramp_down[31]
 L ramp_down[32]
 L ramp_down[33]
 L ramp_down[34]
 L ramp_down[35]
 L ramp_down[36]
 L ramp_down[37]
 L ramp_down[38]
 L ramp_down[39]
 L ramp_down[40]
 L ramp_down[41]
 L ramp_down[42]
 L ramp_down[43]
 L ramp_down[44]
 L ramp_down[45]
 L ramp_down[46]
 L ramp_down[47]
 L ramp_down[48]
 L ramp_down[49]
 L ramp_down[50]
 L ramp_down[51]
 L ramp_down[52]
 L ramp_down[53]
 L ramp_down[54]
 L ramp_down[55]
 L ramp_down[56]
 L ramp_down[57]
 L ramp_down[58]
 L ramp_down[59]
 L ramp_down[60]
 L ramp_down[61]
 L ramp_down[62]
 L ramp_down[63]
 L ramp_down[64]
 L ramp_down[65]
 L ramp_down[66]
 L ramp_down[67]
 L ramp_down[68]
 L ramp_down[69]
 L ramp_down[70]
 L ramp_down[71]
 L ramp_down[72]
 L ramp_down[73]
 L ramp_down[74]
 L ramp_down[75]
 L ramp_down[76]
 L ramp_down[77]
 L ramp_down[78]
 L ramp_down[79]
 L ramp_down[80]
 L ramp_down[81]
 L ramp_down[82]
 L ramp_down[83]
 L ramp_down[84]
 L ramp_down[85]
 L ramp_down[86]
 L ramp_down[87]
 L ramp_down[88]
 L ramp_down[89]
 L ramp_down[90]
 L ramp_down[91]
 L ramp_down[92]
 L ramp_down[93]
 L ramp_down[94]
 L ramp_down[95]
 L ramp_down[96]
 L ramp_down[97]
 L ramp_down[98]
 L ramp_down[99]
 L ramp_down[100]
 L ramp_down[101]
 L ramp_down[102]
 L ramp_down[103]
 L ramp_down[104]
 L ramp_down[105]
 L ramp_down[106]
 L ramp_down[107]
 L ramp_down[108]
 L ramp_down[109]
 L ramp_down[110]
 L ramp_down[111]
 L ramp_down[112]
 L ramp_down[113]
 L ramp_down[114]
 L ramp_down[115]
 L ramp_down[116]
 L ramp_down[117]
 L ramp_down[118]
 L ramp_down[119]
 L ramp_down[120]
 L ramp_down[121]
 L ramp_down[122]
 L ramp_down[123]
 L ramp_down[124]
 L ramp_down[125]
 L ramp_down[126]
 L ramp_down[127]
 L ramp_down[128]
 L ramp_down[129]
 L ramp_down[130]
 L ramp_down[131]
 L ramp_down[132]
 L ramp_down[133]
 L ramp_down[134]
 L ramp_down[135]
 L ramp_down[136]
 L ramp_down[137]
 L ramp_down[138]
 L ramp_down[139]
 L ramp_down[140]
 L ramp_down[141]
 L ramp_down[142]
 L ramp_down[143]
 L ramp_down[144]
 L ramp_down[145]
 L ramp_down[146]
 L ramp_down[147]
 L ramp_down[148]
 L ramp_down[149]
 L ramp_down[150]
 L ramp_down[151]
 L ramp_down[152]
 L ramp_down[153]
 L ramp_down[154]
 L ramp_down[155]
 L ramp_down[156]
 L ramp_down[157]
 L ramp_down[158]
 L ramp_down[159]
 L ramp_down[160]
 L ramp_down[161]
 L ramp_down[162]
 L ramp_down[163]
 L ramp_down[164]
 L ramp_down[165]
 L ramp_down[166]
 L ramp_down[167]
 L grid_connection[0]
 L grid_connection[1]
 L grid_connection[2]
 L grid_connection[3]
 L grid_connection[4]
 L grid_connection[5]
 L grid_connection[6]
 L grid_connection[7]
 L grid_connection[8]
 L grid_connection[9]
 L grid_connection[10]
 L grid_connection[11]
 L grid_connection[12]
 L grid_connection[13]
 L grid_connection[14]
 L grid_connection[15]
 L grid_connection[16]
 L grid_connection[17]
 L grid_connection[18]
 L grid_connection[19]
 L grid_connection[20]
 L grid_connection[21]
 L grid_connection[22]
 L grid_connection[23]
 L grid_connection[24]
 L grid_connection[25]
 L grid_connection[26]
 L grid_connection[27]
 L grid_connection[28]
 L grid_connection[29]
 L grid_connection[30]
 L grid_connection[31]
 L grid_connection[32]
 L grid_connection[33]
 L grid_connection[34]
 L grid_connection[35]
 L grid_connection[36]
 L grid_connection[37]
 L grid_connection[38]
 L grid_connection[39]
 L grid_connection[40]
 L grid_connection[41]
 L grid_connection[42]
 L grid_connection[43]
 L grid_connection[44]
 L grid_connection[45]
 L grid_connection[46]
 L grid_connection[47]
 L grid_connection[48]
 L grid_connection[49]
 L grid_connection[50]
 L grid_connection[51]
 L grid_connection[52]
 L grid_connection[53]
 L grid_connection[54]
 L grid_connection[55]
 L grid_connection[56]
 L grid_connection[57]
 L grid_connection[58]
 L grid_connection[59]
 L grid_connection[60]
 L grid_connection[61]
 L grid_connection[62]
 L grid_connection[63]
 L grid_connection[64]
 L grid_connection[65]
 L grid_connection[66]
 L grid_connection[67]
 L grid_connection[68]
 L grid_connection[69]
 L grid_connection[70]
 L grid_connection[71]
 L grid_connection[72]
 L grid_connection[73]
 L grid_connection[74]
 L grid_connection[75]
 L grid_connection[76]
 L grid_connection[77]
 L grid_connection[78]
 L grid_connection[79]
 L grid_connection[80]
 L grid_connection[81]
 L grid_connection[82]
 L grid_connection[83]
 L grid_connection[84]
 L grid_connection[85]
 L grid_connection[86]
 L grid_connection[87]
 L grid_connection[88]
 L grid_connection[89]
 L grid_connection[90]
 L grid_connection[91]
 L grid_connection[92]
 L grid_connection[93]
 L grid_connection[94]
 L grid_connection[95]
 L grid_connection[96]
 L grid_connection[97]
 L grid_connection[98]
 L grid_connection[99]
 L grid_connection[100]
 L grid_connection[101]
 L grid_connection[102]
 L grid_connection[103]
 L grid_connection[104]
 L grid_connection[105]
 L grid_connection[106]
 L grid_connection[107]
 L grid_connection[108]
 L grid_connection[109]
 L grid_connection[110]
 L grid_connection[111]
 L grid_connection[112]
 L grid_connection[113]
 L grid_connection[114]
 L grid_connection[115]
 L grid_connection[116]
 L grid_connection[117]
 L grid_connection[118]
 L grid_connection[119]
 L grid_connection[120]
 L grid_connection[121]
 L grid_connection[122]
 L grid_connection[123]
 L grid_connection[124]
 L grid_connection[125]
 L grid_connection[126]
 L grid_connection[127]
 L grid_connection[128]
 L grid_connection[129]
 L grid_connection[130]
 L grid_connection[131]
 L grid_connection[132]
 L grid_connection[133]
 L grid_connection[134]
 L grid_connection[135]
 L grid_connection[136]
 L grid_connection[137]
 L grid_connection[138]
 L grid_connection[139]
 L grid_connection[140]
 L grid_connection[141]
 L grid_connection[142]
 L grid_connection[143]
 L grid_connection[144]
 L grid_connection[145]
 L grid_connection[146]
 L grid_connection[147]
 L grid_connection[148]
 L grid_connection[149]
 L grid_connection[150]
 L grid_connection[151]
 L grid_connection[152]
 L grid_connection[153]
 L grid_connection[154]
 L grid_connection[155]
 L grid_connection[156]
 L grid_connection[157]
 L grid_connection[158]
 L grid_connection[159]
 L grid_connection[160]
 L grid_connection[161]
 L grid_connection[162]
 L grid_connection[163]
 L grid_connection[164]
 L grid_connection[165]
 L grid_connection[166]
 L grid_connection[167]
 L site_intake[0]
 L site_intake[1]
 L site_intake[2]
 L site_intake[3]
 L site_intake[4]
 L site_intake[5]
 L site_intake[6]
 L site_intake[7]
 L site_intake[8]
 L site_intake[9]
 L site_intake[10]
 L site_intake[11]
 L site_intake[12]
 L site_intake[13]
 L site_intake[14]
 L site_intake[15]
 L site_intake[16]
 L site_intake[17]
 L site_intake[18]
 L site_intake[19]
 L site_intake[20]
 L site_intake[21]
 L site_intake[22]
 L site_intake[23]
 L site_intake[24]
 L site_intake[25]
 L site_intake[26]
 L site_intake[27]
 L site_intake[28]
 L site_intake[29]
 L site_intake[30]
 L site_intake[31]
 L site_intake[32]
 L site_intake[33]
 L site_intake[34]
 L site_intake[35]
 L site_intake[36]
 L site_intake[37]
 L site_intake[38]
 L site_intake[39]
 L site_intake[40]
 L site_intake[41]
 L site_intake[42]
 L site_intake[43]
 L site_intake[44]
 L site_intake[45]
 L site_intake[46]
 L site_intake[47]
 L site_intake[48]
 L site_intake[49]
 L site_intake[50]
 L site_intake[51]
 L site_intake[52]
 L site_intake[53]
 L site_intake[54]
 L site_intake[55]
 L site_intake[56]
 L site_intake[57]
 L site_intake[58]
 L site_intake[59]
 L site_intake[60]
 L site_intake[61]
 L site_intake[62]
 L site_intake[63]
 L site_intake[64]
 L site_intake[65]
 L site_intake[66]
 L site_intake[67]
 L site_intake[68]
 L site_intake[69]
 L site_intake[70]
 L site_intake[71]
 L site_intake[72]
 L site_intake[73]
 L site_intake[74]
 L site_intake[75]
 L site_intake[76]
 L site_intake[77]
 L site_intake[78]
 L site_intake[79]
 L site_intake[80]
 L site_intake[81]
 L site_intake[82]
 L site_intake[83]
 L site_intake[84]
 L site_intake[85]
 L site_intake[86]
 L site_intake[87]
 L site_intake[88]
 L site_intake[89]
 L site_intake[90]
 L site_intake[91]
 L site_intake[92]
 L site_intake[93]
 L site_intake[94]
 L site_intake[95]
 L site_intake[96]
 L site_intake[97]
 L site_intake[98]
 L site_intake[99]
 L site_intake[100]
 L site_intake[101]
 L site_intake[102]
 L site_intake[103]
 L site_intake[104]
 L site_intake[105]
 L site_intake[106]
 L site_intake[107]
 L site_intake[108]
 L site_intake[109]
 L site_intake[110]
 L site_intake[111]
 L site_intake[112]
 L site_intake[113]
 L site_intake[114]
 L site_intake[115]
 L site_intake[116]
 L site_intake[117]
 L site_intake[118]
 L site_intake[119]
 L site_intake[120]
 L site_intake[121]
 L site_intake[122]
 L site_intake[123]
 L site_intake[124]
 L site_intake[125]
 L site_intake[126]
 L site_intake[127]
 L site_intake[128]
 L site_intake[129]
 L site_intake[130]
 L site_intake[131]
 L site_intake[132]
 L site_intake[133]
 L site_intake[134]
 L site_intake[135]
 L site_intake[136]
 L site_intake[137]
 L site_intake[138]
 L site_intake[139]
 L site_intake[140]
 L site_intake[141]
 L site_intake[142]
 L site_intake[143]
 L site_intake[144]
 L site_intake[145]
 L site_intake[146]
 L site_intake[147]
 L site_intake[148]
 L site_intake[149]
 L site_intake[150]
 L site_intake[151]
 L site_intake[152]
 L site_intake[153]
 L site_intake[154]
 L site_intake[155]
 L site_intake[156]
 L site_intake[157]
 L site_intake[158]
 L site_intake[159]
 L site_intake[160]
 L site_intake[161]
 L site_intake[162]
 L site_intake[163]
 L site_intake[164]
 L site_intake[165]
 L site_intake[166]
 L site_intake[167]
 E training_energy
COLUMNS
 gen[0] R0000000 45 site_intake[0] 1
 gen[0] ramp_down[1] 1 ramp_down[0] -1
 gen[0] ramp_up[1] -1 ramp_up[0] 1
 gen[0] balance[0] 1
 gen[1] R0000000 45 site_intake[1] 1
 gen[1] ramp_down[2] 1 ramp_down[1] -1
 gen[1] ramp_up[2] -1 ramp_up[1] 1
 gen[1] balance[1] 1
 gen[2] R0000000 45 site_intake[2] 1
 gen[2] ramp_down[3] 1 ramp_down[2] -1
 gen[2] ramp_up[3] -1 ramp_up[2] 1
 gen[2] balance[2] 1
 gen[3] R0000000 45 site_intake[3] 1
 gen[3] ramp_down[4] 1 ramp_down[3] -1
 gen[3] ramp_up[4] -1 ramp_up[3] 1
 gen[3] balance[3] 1
 gen[4] R0000000 45 site_intake[4] 1
 gen[4] ramp_down[5] 1 ramp_down[4] -1
 gen[4] ramp_up[5] -1 ramp_up[4] 1
 gen[4] balance[4] 1
 gen[5] R0000000 45 site_intake[5] 1
 gen[5] ramp_down[6] 1 ramp_down[5] -1
 gen[5] ramp_up[6] -1 ramp_up[5] 1
 gen[5] balance[5] 1
 gen[6] R0000000 45 site_intake[6] 1
 gen[6] ramp_down[7] 1 ramp_down[6] -1
 gen[6] ramp_up[7] -1 ramp_up[6] 1
 gen[6] balance[6] 1
 gen[7] R0000000 45 site_intake[7] 1
 gen[7] ramp_down[8] 1 ramp_down[7] -1
 gen[7] ramp_up[8] -1 ramp_up[7] 1
 gen[7] balance[7] 1
 gen[8] R0000000 45 site_intake[8] 1
 gen[8] ramp_down[9] 1 ramp_down[8] -1
 gen[8] ramp_up[9] -1 ramp_up[8] 1
 gen[8] balance[8] 1
 gen[9] R0000000 45 site_intake[9] 1
 gen[9] ramp_down[10] 1 ramp_down[9] -1
 gen[9] ramp_up[10] -1 ramp_up[9] 1
 gen[9] balance[9] 1
 gen[10] R0000000 45 site_intake[10] 1
 gen[10] ramp_down[11] 1 ramp_down[10] -1
 gen[10] ramp_up[11] -1 ramp_up[10] 1
 gen[10] balance[10] 1
 gen[11] R0000000 45 site_intake[11] 1
 gen[11] ramp_down[12] 1 ramp_down[11] -1
 gen[11] ramp_up[12] -1 ramp_up[11] 1
 gen[11] balance[11] 1
 gen[12] R0000000 45 site_intake[12] 1
 gen[12] ramp_down[13] 1 ramp_down[12] -1
 gen[12] ramp_up[13] -1 ramp_up[12] 1
 gen[12] balance[12] 1
 gen[13] R0000000 45 site_intake[13] 1
 gen[13] ramp_down[14] 1 ramp_down[13] -1
 gen[13] ramp_up[14] -1 ramp_up[13] 1
 gen[13] balance[13] 1
 gen[14] R0000000 45 site_intake[14] 1
 gen[14] ramp_down[15] 1 ramp_down[14] -1
 gen[14] ramp_up[15] -1 ramp_up[14] 1
 gen[14] balance[14] 1
 gen[15] R0000000 45 site_intake[15] 1
 gen[15] ramp_down[16] 1 ramp_down[15] -1
 gen[15] ramp_up[16] -1 ramp_up[15] 1
 gen[15] balance[15] 1
 gen[16] R0000000 45 site_intake[16] 1
 gen[16] ramp_down[17] 1 ramp_down[16] -1
 gen[16] ramp_up[17] -1 ramp_up[16] 1
 gen[16] balance[16] 1
 gen[17] R0000000 45 site_intake[17] 1
 gen[17] ramp_down[18] 1 ramp_down[17] -1
 gen[17] ramp_up[18] -1 ramp_up[17] 1
 gen[17] balance[17] 1
 gen[18] R0000000 45 site_intake[18] 1
 gen[18] ramp_down[19] 1 ramp_down[18] -1
 gen[18] ramp_up[19] -1 ramp_up[18] 1
 gen[18] balance[18] 1
 gen[19] R0000000 45 site_intake[19] 1
 gen[19] ramp_down[20] 1 ramp_down[19] -1
 gen[19] ramp_up[20] -1 ramp_up[19] 1
 gen[19] balance[19] 1
 gen[20] R0000000 45 site_intake[20] 1
 gen[20] ramp_down[21] 1 ramp_down[20] -1
 gen[20] ramp_up[21] -1 ramp_up[20] 1
 gen[20] balance[20] 1
 gen[21] R0000000 45 site_intake[21] 1
 gen[21] ramp_down[22] 1 ramp_down[21] -1
 gen[21] ramp_up[22] -1 ramp_up[21] 1
 gen[21] balance[21] 1
 gen[22] R0000000 45 site_intake[22] 1
 gen[22] ramp_down[23] 1 ramp_down[22] -1
 gen[22] ramp_up[23] -1 ramp_up[22] 1
 gen[22] balance[22] 1
 gen[23] R0000000 45 site_intake[23] 1
 gen[23] ramp_down[24] 1 ramp_down[23] -1
 gen[23] ramp_up[24] -1 ramp_up[23] 1
 gen[23] balance[23] 1
 gen[24] R0000000 45 site_intake[24] 1
 gen[24] ramp_down[25] 1 ramp_down[24] -1
 gen[24] ramp_up[25] -1 ramp_up[24] 1
 gen[24] balance[24] 1
 gen[25] R0000000 45 site_intake[25] 1
 gen[25] ramp_down[26] 1 ramp_down[25] -1
 gen[25] ramp_up[26] -1 ramp_up[25] 1
 gen[25] balance[25] 1
 gen[26] R0000000 45 site_intake[26] 1
 gen[26] ramp_down[27] 1 ramp_down[26] -1
 gen[26] ramp_up[27] -1 ramp_up[26] 1
 gen[26] balance[26] 1
 gen[27] R0000000 45 site_intake[27] 1
 gen[27] ramp_down[28] 1 ramp_down[27] -1
 gen[27] ramp_up[28] -1 ramp_up[27] 1
 gen[27] balance[27] 1
 gen[28] R0000000 45 site_intake[28] 1
 gen[28] ramp_down[29] 1 ramp_down[28] -1
 gen[28] ramp_up[29] -1 ramp_up[28] 1
 gen[28] balance[28] 1
 gen[29] R0000000 45 site_intake[29] 1
 gen[29] ramp_down[30] 1 ramp_down[29] -1
 gen[29] ramp_up[30] -1 ramp_up[29] 1
 gen[29] balance[29] 1
 gen[30] R0000000 45 site_intake[30] 1
 gen[30] ramp_down[31] 1 ramp_down[30] -1
 gen[30] ramp_up[31] -1 ramp_up[30] 1
 gen[30] balance[30] 1
 gen[31] R0000000 45 site_intake[31] 1
 gen[31] ramp_down[32] 1 ramp_down[31] -1
 gen[31] ramp_up[32] -1 ramp_up[31] 1
 gen[31] balance[31] 1
 gen[32] R0000000 45 site_intake[32] 1
 gen[32] ramp_down[33] 1 ramp_down[32] -1
 gen[32] ramp_up[33] -1 ramp_up[32] 1
 gen[32] balance[32] 1
 gen[33] R0000000 45 site_intake[33] 1
 gen[33] ramp_down[34] 1 ramp_down[33] -1
 gen[33] ramp_up[34] -1 ramp_up[33] 1
 gen[33] balance[33] 1
 gen[34] R0000000 45 site_intake[34] 1
 gen[34] ramp_down[35] 1 ramp_down[34] -1
 gen[34] ramp_up[35] -1 ramp_up[34] 1
 gen[34] balance[34] 1
 gen[35] R0000000 45 site_intake[35] 1
 gen[35] ramp_down[36] 1 ramp_down[35] -1
 gen[35] ramp_up[36] -1 ramp_up[35] 1
 gen[35] balance[35] 1
 gen[36] R0000000 45 site_intake[36] 1
 gen[36] ramp_down[37] 1 ramp_down[36] -1
 gen[36] ramp_up[37] -1 ramp_up[36] 1
 gen[36] balance[36] 1
 gen[37] R0000000 45 site_intake[37] 1
 gen[37] ramp_down[38] 1 ramp_down[37] -1
 gen[37] ramp_up[38] -1 ramp_up[37] 1
 gen[37] balance[37] 1
 gen[38] R0000000 45 site_intake[38] 1
 gen[38] ramp_down[39] 1 ramp_down[38] -1
 gen[38] ramp_up[39] -1 ramp_up[38] 1
 gen[38] balance[38] 1
 gen[39] R0000000 45 site_intake[39] 1
 gen[39] ramp_down[40] 1 ramp_down[39] -1
 gen[39] ramp_up[40] -1 ramp_up[39] 1
 gen[39] balance[39] 1
 gen[40] R0000000 45 site_intake[40] 1
 gen[40] ramp_down[41] 1 ramp_down[40] -1
 gen[40] ramp_up[41] -1 ramp_up[40] 1
 gen[40] balance[40] 1
 gen[41] R0000000 45 site_intake[41] 1
 gen[41] ramp_down[42] 1 ramp_down[41] -1
 gen[41] ramp_up[42] -1 ramp_up[41] 1
 gen[41] balance[41] 1
 gen[42] R0000000 45 site_intake[42] 1
 gen[42] ramp_down[43] 1 ramp_down[42] -1
 gen[42] ramp_up[43] -1 ramp_up[42] 1
 gen[42] balance[42] 1
 gen[43] R0000000 45 site_intake[43] 1
 gen[43] ramp_down[44] 1 ramp_down[43] -1
 gen[43] ramp_up[44] -1 ramp_up[43] 1
 gen[43] balance[43] 1
 gen[44] R0000000 45 site_intake[44] 1
 gen[44] ramp_down[45] 1 ramp_down[44] -1
 gen[44] ramp_up[45] -1 ramp_up[44] 1
 gen[44] balance[44] 1
 gen[45] R0000000 45 site_intake[45] 1
 gen[45] ramp_down[46] 1 ramp_down[45] -1
 gen[45] ramp_up[46] -1 ramp_up[45] 1
 gen[45] balance[45] 1
 gen[46] R0000000 45 site_intake[46] 1
 gen[46] ramp_down[47] 1 ramp_down[46] -1
 gen[46] ramp_up[47] -1 ramp_up[46] 1
 gen[46] balance[46] 1
 gen[47] R0000000 45 site_intake[47] 1
 gen[47] ramp_down[48] 1 ramp_down[47] -1
 gen[47] ramp_up[48] -1 ramp_up[47] 1
 gen[47] balance[47] 1
 gen[48] R0000000 45 site_intake[48] 1
 gen[48] ramp_down[49] 1 ramp_down[48] -1
 gen[48] ramp_up[49] -1 ramp_up[48] 1
 gen[48] balance[48] 1
 gen[49] R0000000 45 site_intake[49] 1
 gen[49] ramp_down[50] 1 ramp_down[49] -1
 gen[49] ramp_up[50] -1 ramp_up[49] 1
 gen[49] balance[49] 1
 gen[50] R0000000 45 site_intake[50] 1
 gen[50] ramp_down[51] 1 ramp_down[50] -1
 gen[50] ramp_up[51] -1 ramp_up[50] 1
 gen[50] balance[50] 1
 gen[51] R0000000 45 site_intake[51] 1
 gen[51] ramp_down[52] 1 ramp_down[51] -1
 gen[51] ramp_up[52] -1 ramp_up[51] 1
 gen[51] balance[51] 1
 gen[52] R0000000 45 site_intake[52] 1
 gen[52] ramp_down[53] 1 ramp_down[52] -1
 gen[52] ramp_up[53] -1 ramp_up[52] 1
 gen[52] balance[52] 1
 gen[53] R0000000 45 site_intake[53] 1
 gen[53] ramp_down[54] 1 ramp_down[53] -1
 gen[53] ramp_up[54] -1 ramp_up[53] 1
 gen[53] balance[53] 1
 gen[54] R0000000 45 site_intake[54] 1
 gen[54] ramp_down[55] 1 ramp_down[54] -1
 gen[54] ramp_up[55] -1 ramp_up[54] 1
 gen[54] balance[54] 1
 gen[55] R0000000 45 site_intake[55] 1
 gen[55] ramp_down[56] 1 ramp_down[55] -1
 gen[55] ramp_up[56] -1 ramp_up[55] 1
 gen[55] balance[55] 1
 gen[56] R0000000 45 site_intake[56] 1
 gen[56] ramp_down[57] 1 ramp_down[56] -1
 gen[56] ramp_up[57] -1 ramp_up[56] 1
 gen[56] balance[56] 1
 gen[57] R0000000 45 site_intake[57] 1
 gen[57] ramp_down[58] 1 ramp_down[57] -1
 gen[57] ramp_up[58] -1 ramp_up[57] 1
 gen[57] balance[57] 1
 gen[58] R0000000 45 site_intake[58] 1
 gen[58] ramp_down[59] 1 ramp_down[58] -1
 gen[58] ramp_up[59] -1 ramp_up[58] 1
 gen[58] balance[58] 1
 gen[59] R0000000 45 site_intake[59] 1
 gen[59] ramp_down[60] 1 ramp_down[59] -1
 gen[59] ramp_up[60] -1 ramp_up[59] 1
 gen[59] balance[59] 1
 gen[60] R0000000 45 site_intake[60] 1
 gen[60] ramp_down[61] 1 ramp_down[60] -1
 gen[60] ramp_up[61] -1 ramp_up[60] 1
 gen[60] balance[60] 1
 gen[61] R0000000 45 site_intake[61] 1
 gen[61] ramp_down[62] 1 ramp_down[61] -1
 gen[61] ramp_up[62] -1 ramp_up[61] 1
 gen[61] balance[61] 1
 gen[62] R0000000 45 site_intake[62] 1
 gen[62] ramp_down[63] 1 ramp_down[62] -1
 gen[62] ramp_up[63] -1 ramp_up[62] 1
 gen[62] balance[62] 1
 gen[63] R0000000 45 site_intake[63] 1
 gen[63] ramp_down[64] 1 ramp_down[63] -1
 gen[63] ramp_up[64] -1 ramp_up[63] 1
 gen[63] balance[63] 1
 gen[64] R0000000 45 site_intake[64] 1
 gen[64] ramp_down[65] 1 ramp_down[64] -1
 gen[64] ramp_up[65] -1 ramp_up[64] 1
 gen[64] balance[64] 1
 gen[65] R0000000 45 site_intake[65] 1
 gen[65] ramp_down[66] 1 ramp_down[65] -1
 gen[65] ramp_up[66] -1 ramp_up[65] 1
 gen[65] balance[65] 1
 gen[66] R0000000 45 site_intake[66] 1
 gen[66] ramp_down[67] 1 ramp_down[66] -1
 gen[66] ramp_up[67] -1 ramp_up[66] 1
 gen[66] balance[66] 1
 gen[67] R0000000 45 site_intake[67] 1
 gen[67] ramp_down[68] 1 ramp_down[67] -1
 gen[67] ramp_up[68] -1 ramp_up[67] 1
 gen[67] balance[67] 1
 gen[68] R0000000 45 site_intake[68] 1
 gen[68] ramp_down[69] 1 ramp_down[68] -1
 gen[68] ramp_up[69] -1 ramp_up[68] 1
 gen[68] balance[68] 1
 gen[69] R0000000 45 site_intake[69] 1
 gen[69] ramp_down[70] 1 ramp_down[69] -1
 gen[69] ramp_up[70] -1 ramp_up[69] 1
 gen[69] balance[69] 1
 gen[70] R0000000 45 site_intake[70] 1
 gen[70] ramp_down[71] 1 ramp_down[70] -1
 gen[70] ramp_up[71] -1 ramp_up[70] 1
 gen[70] balance[70] 1
 gen[71] R0000000 45 site_intake[71] 1
 gen[71] ramp_down[72] 1 ramp_down[71] -1
 gen[71] ramp_up[72] -1 ramp_up[71] 1
 gen[71] balance[71] 1
 gen[72] R0000000 45 site_intake[72] 1
 gen[72] ramp_down[73] 1 ramp_down[72] -1
 gen[72] ramp_up[73] -1 ramp_up[72] 1
 gen[72] balance[72] 1
 gen[73] R0000000 45 site_intake[73] 1
 gen[73] ramp_down[74] 1 ramp_down[73] -1
 gen[73] ramp_up[74] -1 ramp_up[73] 1
 gen[73] balance[73] 1
 gen[74] R0000000 45 site_intake[74] 1
 gen[74] ramp_down[75] 1 ramp_down[74] -1
 gen[74] ramp_up[75] -1 ramp_up[74] 1
 gen[74] balance[74] 1
 gen[75] R0000000 45 site_intake[75] 1
 gen[75] ramp_down[76] 1 ramp_down[75] -1
 gen[75] ramp_up[76] -1 ramp_up[75] 1
 gen[75] balance[75] 1
 gen[76] R0000000 45 site_intake[76] 1
 gen[76] ramp_down[77] 1 ramp_down[76] -1
 gen[76] ramp_up[77] -1 ramp_up[76] 1
 gen[76] balance[76] 1
 gen[77] R0000000 45 site_intake[77] 1
 gen[77] ramp_down[78] 1 ramp_down[77] -1
 gen[77] ramp_up[78] -1 ramp_up[77] 1
 gen[77] balance[77] 1
 gen[78] R0000000 45 site_intake[78] 1
 gen[78] ramp_down[79] 1 ramp_down[78] -1
 gen[78] ramp_up[79] -1 ramp_up[78] 1
 gen[78] balance[78] 1
 gen[79] R0000000 45 site_intake[79] 1
 gen[79] ramp_down[80] 1 ramp_down[79] -1
 gen[79] ramp_up[80] -1 ramp_up[79] 1
 gen[79] balance[79] 1
 gen[80] R0000000 45 site_intake[80] 1
 gen[80] ramp_down[81] 1 ramp_down[80] -1
 gen[80] ramp_up[81] -1 ramp_up[80] 1
 gen[80] balance[80] 1
 gen[81] R0000000 45 site_intake[81] 1
 gen[81] ramp_down[82] 1 ramp_down[81] -1
 gen[81] ramp_up[82] -1 ramp_up[81] 1
 gen[81] balance[81] 1
 gen[82] R0000000 45 site_intake[82] 1
 gen[82] ramp_down[83] 1 ramp_down[82] -1
 gen[82] ramp_up[83] -1 ramp_up[82] 1
 gen[82] balance[82] 1
 gen[83] R0000000 45 site_intake[83] 1
 gen[83] ramp_down[84] 1 ramp_down[83] -1
 gen[83] ramp_up[84] -1 ramp_up[83] 1
 gen[83] balance[83] 1
 gen[84] R0000000 45 site_intake[84] 1
 gen[84] ramp_down[85] 1 ramp_down[84] -1
 gen[84] ramp_up[85] -1 ramp_up[84] 1
 gen[84] balance[84] 1
 gen[85] R0000000 45 site_intake[85] 1
 gen[85] ramp_down[86] 1 ramp_down[85] -1
 gen[85] ramp_up[86] -1 ramp_up[85] 1
 gen[85] balance[85] 1
 gen[86] R0000000 45 site_intake[86] 1
 gen[86] ramp_down[87] 1 ramp_down[86] -1
 gen[86] ramp_up[87] -1 ramp_up[86] 1
 gen[86] balance[86] 1
 gen[87] R0000000 45 site_intake[87] 1
 gen[87] ramp_down[88] 1 ramp_down[87] -1
 gen[87] ramp_up[88] -1 ramp_up[87] 1
 gen[87] balance[87] 1
 gen[88] R0000000 45 site_intake[88] 1
 gen[88] ramp_down[89] 1 ramp_down[88] -1
 gen[88] ramp_up[89] -1 ramp_up[88] 1
 gen[88] balance[88] 1
 gen[89] R0000000 45 site_intake[89] 1
 gen[89] ramp_down[90] 1 ramp_down[89] -1
 gen[89] ramp_up[90] -1 ramp_up[89] 1
 gen[89] balance[89] 1
 gen[90] R0000000 45 site_intake[90] 1
 gen[90] ramp_down[91] 1 ramp_down[90] -1
 gen[90] ramp_up[91] -1 ramp_up[90] 1
 gen[90] balance[90] 1
 gen[91] R0000000 45 site_intake[91] 1
 gen[91] ramp_down[92] 1 ramp_down[91] -1
 gen[91] ramp_up[92] -1 ramp_up[91] 1
 gen[91] balance[91] 1
 gen[92] R0000000 45 site_intake[92] 1
 gen[92] ramp_down[93] 1 ramp_down[92] -1
 gen[92] ramp_up[93] -1 ramp_up[92] 1
 gen[92] balance[92] 1
 gen[93] R0000000 45 site_intake[93] 1
 gen[93] ramp_down[94] 1 ramp_down[93] -1
 gen[93] ramp_up[94] -1 ramp_up[93] 1
 gen[93] balance[93] 1
 gen[94] R0000000 45 site_intake[94] 1
 gen[94] ramp_down[95] 1 ramp_down[94] -1
 gen[94] ramp_up[95] -1 ramp_up[94] 1
 gen[94] balance[94] 1
 gen[95] R0000000 45 site_intake[95] 1
 gen[95] ramp_down[96] 1 ramp_down[95] -1
 gen[95] ramp_up[96] -1 ramp_up[95] 1
 gen[95] balance[95] 1
 gen[96] R0000000 45 site_intake[96] 1
 gen[96] ramp_down[97] 1 ramp_down[96] -1
 gen[96] ramp_up[97] -1 ramp_up[96] 1
 gen[96] balance[96] 1
 gen[97] R0000000 45 site_intake[97] 1
 gen[97] ramp_down[98] 1 ramp_down[97] -1
 gen[97] ramp_up[98] -1 ramp_up[97] 1
 gen[97] balance[97] 1
 gen[98] R0000000 45 site_intake[98] 1
 gen[98] ramp_down[99] 1 ramp_down[98] -1
 gen[98] ramp_up[99] -1 ramp_up[98] 1
 gen[98] balance[98] 1
 gen[99] R0000000 45 site_intake[99] 1
 gen[99] ramp_down[100] 1 ramp_down[99] -1
 gen[99] ramp_up[100] -1 ramp_up[99] 1
 gen[99] balance[99] 1
 gen[100] R0000000 45 site_intake[100] 1
 gen[100] ramp_down[101] 1 ramp_down[100] -1
 gen[100] ramp_up[101] -1 ramp_up[100] 1
 gen[100] balance[100] 1
 gen[101] R0000000 45 site_intake[101] 1
 gen[101] ramp_down[102] 1 ramp_down[101] -1
 gen[101] ramp_up[102] -1 ramp_up[101] 1
 gen[101] balance[101] 1
 gen[102] R0000000 45 site_intake[102] 1
 gen[102] ramp_down[103] 1 ramp_down[102] -1
 gen[102] ramp_up[103] -1 ramp_up[102] 1
 gen[102] balance[102] 1
 gen[103] R0000000 45 site_intake[103] 1
 gen[103] ramp_down[104] 1 ramp_down[103] -1
 gen[103] ramp_up[104] -1 ramp_up[103] 1
 gen[103] balance[103] 1
 gen[104] R0000000 45 site_intake[104] 1
 gen[104] ramp_down[105] 1 ramp_down[104] -1
 gen[104] ramp_up[105] -1 ramp_up[104] 1
 gen[104] balance[104] 1
 gen[105] R0000000 45 site_intake[105] 1
 gen[105] ramp_down[106] 1 ramp_down[105] -1
 gen[105] ramp_up[106] -1 ramp_up[105] 1
 gen[105] balance[105] 1
 gen[106] R0000000 45 site_intake[106] 1
 gen[106] ramp_down[107] 1 ramp_down[106] -1
 gen[106] ramp_up[107] -1 ramp_up[106] 1
 gen[106] balance[106] 1
 gen[107] R0000000 45 site_intake[107] 1
 gen[107] ramp_down[108] 1 ramp_down[107] -1
 gen[107] ramp_up[108] -1 ramp_up[107] 1
 gen[107] balance[107] 1
 gen[108] R0000000 45 site_intake[108] 1
 gen[108] ramp_down[109] 1 ramp_down[108] -1
 gen[108] ramp_up[109] -1 ramp_up[108] 1
 gen[108] balance[108] 1
 gen[109] R0000000 45 site_intake[109] 1
 gen[109] ramp_down[110] 1 ramp_down[109] -1
 gen[109] ramp_up[110] -1 ramp_up[109] 1
 gen[109] balance[109] 1
 gen[110] R0000000 45 site_intake[110] 1
 gen[110] ramp_down[111] 1 ramp_down[110] -1
 gen[110] ramp_up[111] -1 ramp_up[110] 1
 gen[110] balance[110] 1
 gen[111] R0000000 45 site_intake[111] 1
 gen[111] ramp_down[112] 1 ramp_down[111] -1
 gen[111] ramp_up[112] -1 ramp_up[111] 1
 gen[111] balance[111] 1
 gen[112] R0000000 45 site_intake[112] 1
 gen[112] ramp_down[113] 1 ramp_down[112] -1
 gen[112] ramp_up[113] -1 ramp_up[112] 1
 gen[112] balance[112] 1
 gen[113] R0000000 45 site_intake[113] 1
 gen[113] ramp_down[114] 1 ramp_down[113] -1
 gen[113] ramp_up[114] -1 ramp_up[113] 1
 gen[113] balance[113] 1
 gen[114] R0000000 45 site_intake[114] 1
 gen[114] ramp_down[115] 1 ramp_down[114] -1
 gen[114] ramp_up[115] -1 ramp_up[114] 1
 gen[114] balance[114] 1
 gen[115] R0000000 45 site_intake[115] 1
 gen[115] ramp_down[116] 1 ramp_down[115] -1
 gen[115] ramp_up[116] -1 ramp_up[115] 1
 gen[115] balance[115] 1
 gen[116] R0000000 45 site_intake[116] 1
 gen[116] ramp_down[117] 1 ramp_down[116] -1
 gen[116] ramp_up[117] -1 ramp_up[116] 1
 gen[116] balance[116] 1
 gen[117] R0000000 45 site_intake[117] 1
 gen[117] ramp_down[118] 1 ramp_down[117] -1
 gen[117] ramp_up[118] -1 ramp_up[117] 1
 gen[117] balance[117] 1
 gen[118] R0000000 45 site_intake[118] 1
 gen[118] ramp_down[119] 1 ramp_down[118] -1
 gen[118] ramp_up[119] -1 ramp_up[118] 1
 gen[118] balance[118] 1
 gen[119] R0000000 45 site_intake[119] 1
 gen[119] ramp_down[120] 1 ramp_down[119] -1
 gen[119] ramp_up[120] -1 ramp_up[119] 1
 gen[119] balance[119] 1
 gen[120] R0000000 45 site_intake[120] 1
 gen[120] ramp_down[121] 1 ramp_down[120] -1
 gen[120] ramp_up[121] -1 ramp_up[120] 1
 gen[120] balance[120] 1
 gen[121] R0000000 45 site_intake[121] 1
 gen[121] ramp_down[122] 1 ramp_down[121] -1
 gen[121] ramp_up[122] -1 ramp_up[121] 1
 gen[121] balance[121] 1
 gen[122] R0000000 45 site_intake[122] 1
 gen[122] ramp_down[123] 1 ramp_down[122] -1
 gen[122] ramp_up[123] -1 ramp_up[122] 1
 gen[122] balance[122] 1
 gen[123] R0000000 45 site_intake[123] 1
 gen[123] ramp_down[124] 1 ramp_down[123] -1
 gen[123] ramp_up[124] -1 ramp_up[123] 1
 gen[123] balance[123] 1
 gen[124] R0000000 45 site_intake[124] 1
 gen[124] ramp_down[125] 1 ramp_down[124] -1
 gen[124] ramp_up[125] -1 ramp_up[124] 1
 gen[124] balance[124] 1
 gen[125] R0000000 45 site_intake[125] 1
 gen[125] ramp_down[126] 1 ramp_down[125] -1
 gen[125] ramp_up[126] -1 ramp_up[125] 1
 gen[125] balance[125] 1
 gen[126] R0000000 45 site_intake[126] 1
 gen[126] ramp_down[127] 1 ramp_down[126] -1
 gen[126] ramp_up[127] -1 ramp_up[126] 1
 gen[126] balance[126] 1
 gen[127] R0000000 45 site_intake[127] 1
 gen[127] ramp_down[128] 1 ramp_down[127] -1
 gen[127] ramp_up[128] -1 ramp_up[127] 1
 gen[127] balance[127] 1
 gen[128] R0000000 45 site_intake[128] 1
 gen[128] ramp_down[129] 1 ramp_down[128] -1
 gen[128] ramp_up[129] -1 ramp_up[128] 1
 gen[128] balance[128] 1
 gen[129] R0000000 45 site_intake[129] 1
 gen[129] ramp_down[130] 1 ramp_down[129] -1
 gen[129] ramp_up[130] -1 ramp_up[129] 1
 gen[129] balance[129] 1
 gen[130] R0000000 45 site_intake[130] 1
 gen[130] ramp_down[131] 1 ramp_down[130] -1
 gen[130] ramp_up[131] -1 ramp_up[130] 1
 gen[130] balance[130] 1
 gen[131] R0000000 45 site_intake[131] 1
 gen[131] ramp_down[132] 1 ramp_down[131] -1
 gen[131] ramp_up[132] -1 ramp_up[131] 1
 gen[131] balance[131] 1
 gen[132] R0000000 45 site_intake[132] 1
 gen[132] ramp_down[133] 1 ramp_down[132] -1
 gen[132] ramp_up[133] -1 ramp_up[132] 1
 gen[132] balance[132] 1
 gen[133] R0000000 45 site_intake[133] 1
 gen[133] ramp_down[134] 1 ramp_down[133] -1
 gen[133] ramp_up[134] -1 ramp_up[133] 1
 gen[133] balance[133] 1
 gen[134] R0000000 45 site_intake[134] 1
 gen[134] ramp_down[135] 1 ramp_down[134] -1
 gen[134] ramp_up[135] -1 ramp_up[134] 1
 gen[134] balance[134] 1
 gen[135] R0000000 45 site_intake[135] 1
 gen[135] ramp_down[136] 1 ramp_down[135] -1
 gen[135] ramp_up[136] -1 ramp_up[135] 1
 gen[135] balance[135] 1
 gen[136] R0000000 45 site_intake[136] 1
 gen[136] ramp_down[137] 1 ramp_down[136] -1
 gen[136] ramp_up[137] -1 ramp_up[136] 1
 gen[136] balance[136] 1
 gen[137] R0000000 45 site_intake[137] 1
 gen[137] ramp_down[138] 1 ramp_down[137] -1
 gen[137] ramp_up[138] -1 ramp_up[137] 1
 gen[137] balance[137] 1
 gen[138] R0000000 45 site_intake[138] 1
 gen[138] ramp_down[139] 1 ramp_down[138] -1
 gen[138] ramp_up[139] -1 ramp_up[138] 1
 gen[138] balance[138] 1
 gen[139] R0000000 45 site_intake[139] 1
 gen[139] ramp_down[140] 1 ramp_down[139] -1
 gen[139] ramp_up[140] -1 ramp_up[139] 1
 gen[139] balance[139] 1
 gen[140] R0000000 45 site_intake[140] 1
 gen[140] ramp_down[141] 1 ramp_down[140] -1
 gen[140] ramp_up[141] -1 ramp_up[140] 1
 gen[140] balance[140] 1
 gen[141] R0000000 45 site_intake[141] 1
 gen[141] ramp_down[142] 1 ramp_down[141] -1
 gen[141] ramp_up[142] -1 ramp_up[141] 1
 gen[141] balance[141] 1
 gen[142] R0000000 45 site_intake[142] 1
 gen[142] ramp_down[143] 1 ramp_down[142] -1
 gen[142] ramp_up[143] -1 ramp_up[142] 1
 gen[142] balance[142] 1
 gen[143] R0000000 45 site_intake[143] 1
 gen[143] ramp_down[144] 1 ramp_down[143] -1
 gen[143] ramp_up[144] -1 ramp_up[143] 1
 gen[143] balance[143] 1
 gen[144] R0000000 45 site_intake[144] 1
 gen[144] ramp_down[145] 1 ramp_down[144] -1
 gen[144] ramp_up[145] -1 ramp_up[144] 1
 gen[144] balance[144] 1
 gen[145] R0000000 45 site_intake[145] 1
 gen[145] ramp_down[146] 1 ramp_down[145] -1
 gen[145] ramp_up[146] -1 ramp_up[145] 1
 gen[145] balance[145] 1
 gen[146] R0000000 45 site_intake[146] 1
 gen[146] ramp_down[147] 1 ramp_down[146] -1
 gen[146] ramp_up[147] -1 ramp_up[146] 1
 gen[146] balance[146] 1
 gen[147] R0000000 45 site_intake[147] 1
 gen[147] ramp_down[148] 1 ramp_down[147] -1
 gen[147] ramp_up[148] -1 ramp_up[147] 1
 gen[147] balance[147] 1
 gen[148] R0000000 45 site_intake[148] 1
 gen[148] ramp_down[149] 1 ramp_down[148] -1
 gen[148] ramp_up[149] -1 ramp_up[148] 1
 gen[148] balance[148] 1
 gen[149] R0000000 45 site_intake[149] 1
 gen[149] ramp_down[150] 1 ramp_down[149] -1
 gen[149] ramp_up[150] -1 ramp_up[149] 1
 gen[149] balance[149] 1
 gen[150] R0000000 45 site_intake[150] 1
 gen[150] ramp_down[151] 1 ramp_down[150] -1
 gen[150] ramp_up[151] -1 ramp_up[150] 1
 gen[150] balance[150] 1
 gen[151] R0000000 45 site_intake[151] 1
 gen[151] ramp_down[152] 1 ramp_down[151] -1
 gen[151] ramp_up[152] -1 ramp_up[151] 1
 gen[151] balance[151] 1
 gen[152] R0000000 45 site_intake[152] 1
 gen[152] ramp_down[153] 1 ramp_down[152] -1
 gen[152] ramp_up[153] -1 ramp_up[152] 1
 gen[152] balance[152] 1
 gen[153] R0000000 45 site_intake[153] 1
 gen[153] ramp_down[154] 1 ramp_down[153] -1
 gen[153] ramp_up[154] -1 ramp_up[153] 1
 gen[153] balance[153] 1
 gen[154] R0000000 45 site_intake[154] 1
 gen[154] ramp_down[155] 1 ramp_down[154] -1
 gen[154] ramp_up[155] -1 ramp_up[154] 1
 gen[154] balance[154] 1
 gen[155] R0000000 45 site_intake[155] 1
 gen[155] ramp_down[156] 1 ramp_down[155] -1
 gen[155] ramp_up[156] -1 ramp_up[155] 1
 gen[155] balance[155] 1
 gen[156] R0000000 45 site_intake[156] 1
 gen[156] ramp_down[157] 1 ramp_down[156] -1
 gen[156] ramp_up[157] -1 ramp_up[156] 1
 gen[156] balance[156] 1
 gen[157] R0000000 45 site_intake[157] 1
 gen[157] ramp_down[158] 1 ramp_down[157] -1
 gen[157] ramp_up[158] -1 ramp_up[157] 1
 gen[157] balance[157] 1
 gen[158] R0000000 45 site_intake[158] 1
 gen[158] ramp_down[159] 1 ramp_down[158] -1
 gen[158] ramp_up[159] -1 ramp_up[158] 1
 gen[158] balance[158] 1
 gen[159] R0000000 45 site_intake[159] 1
 gen[159] ramp_down[160] 1 ramp_down[159] -1
 gen[159] ramp_up[160] -1 ramp_up[159] 1
 gen[159] balance[159] 1
 gen[160] R0000000 45 site_intake[160] 1
 gen[160] ramp_down[161] 1 ramp_down[160] -1
 gen[160] ramp_up[161] -1 ramp_up[160] 1
 gen[160] balance[160] 1
 gen[161] R0000000 45 site_intake[161] 1
 gen[161] ramp_down[162] 1 ramp_down[161] -1
 gen[161] ramp_up[162] -1 ramp_up[161] 1
 gen[161] balance[161] 1
 gen[162] R0000000 45 site_intake[162] 1
 gen[162] ramp_down[163] 1 ramp_down[162] -1
 gen[162] ramp_up[163] -1 ramp_up[162] 1
 gen[162] balance[162] 1
 gen[163] R0000000 45 site_intake[163] 1
 gen[163] ramp_down[164] 1 ramp_down[163] -1
 gen[163] ramp_up[164] -1 ramp_up[163] 1
 gen[163] balance[163] 1
 gen[164] R0000000 45 site_intake[164] 1
 gen[164] ramp_down[165] 1 ramp_down[164] -1
 gen[164] ramp_up[165] -1 ramp_up[164] 1
 gen[164] balance[164] 1
 gen[165] R0000000 45 site_intake[165] 1
 gen[165] ramp_down[166] 1 ramp_down[165] -1
 gen[165] ramp_up[166] -1 ramp_up[165] 1
 gen[165] balance[165] 1
 gen[166] R0000000 45 site_intake[166] 1
 gen[166] ramp_down[167] 1 ramp_down[166] -1
 gen[166] ramp_up[167] -1 ramp_up[166] 1
 gen[166] balance[166] 1
 gen[167] R0000000 45 site_intake[167] 1
 gen[167] ramp_down[167] -1 ramp_up[167] 1
 gen[167] balance[167] 1
 import[0] R0000000 40.653564099 site_intake[0] 1
 import[0] grid_connection[0] 1 balance[0] 1
 import[1] R0000000 45.395584172 site_intake[1] 1
 import[1] grid_connection[1] 1 balance[1] 1
 import[2] R0000000 56.102276568 site_intake[2] 1
 import[2] grid_connection[2] 1 balance[2] 1
 import[3] R0000000 51.599346634 site_intake[3] 1
 import[3] grid_connection[3] 1 balance[3] 1
 import[4] R0000000 69.928861167 site_intake[4] 1
 import[4] grid_connection[4] 1 balance[4] 1
 import[5] R0000000 65.11260877 site_intake[5] 1
 import[5] grid_connection[5] 1 balance[5] 1
 import[6] R0000000 77.496892927 site_intake[6] 1
 import[6] grid_connection[6] 1 balance[6] 1
 import[7] R0000000 75.568230533 site_intake[7] 1
 import[7] grid_connection[7] 1 balance[7] 1
 import[8] R0000000 91.28158218 site_intake[8] 1
 import[8] grid_connection[8] 1 balance[8] 1
 import[9] R0000000 89.287760027 site_intake[9] 1
 import[9] grid_connection[9] 1 balance[9] 1
 import[10] R0000000 105.1381582 site_intake[10] 1
 import[10] grid_connection[10] 1 balance[10] 1
 import[11] R0000000 101.1434865 site_intake[11] 1
 import[11] grid_connection[11] 1 balance[11] 1
 import[12] R0000000 98.413514546 site_intake[12] 1
 import[12] grid_connection[12] 1 balance[12] 1
 import[13] R0000000 96.081596496 site_intake[13] 1
 import[13] grid_connection[13] 1 balance[13] 1
 import[14] R0000000 103.50391478 site_intake[14] 1
 import[14] grid_connection[14] 1 balance[14] 1
 import[15] R0000000 91.160369591 site_intake[15] 1
 import[15] grid_connection[15] 1 balance[15] 1
 import[16] R0000000 78.075193754 site_intake[16] 1
 import[16] grid_connection[16] 1 balance[16] 1
 import[17] R0000000 82.112620405 site_intake[17] 1
 import[17] grid_connection[17] 1 balance[17] 1
 import[18] R0000000 74.469708175 site_intake[18] 1
 import[18] grid_connection[18] 1 balance[18] 1
 import[19] R0000000 71.739361043 site_intake[19] 1
 import[19] grid_connection[19] 1 balance[19] 1
 import[20] R0000000 58.00740008 site_intake[20] 1
 import[20] grid_connection[20] 1 balance[20] 1
 import[21] R0000000 49.715766056 site_intake[21] 1
 import[21] grid_connection[21] 1 balance[21] 1
 import[22] R0000000 61.438028177 site_intake[22] 1
 import[22] grid_connection[22] 1 balance[22] 1
 import[23] R0000000 58.087131265 site_intake[23] 1
 import[23] grid_connection[23] 1 balance[23] 1
 import[24] R0000000 49.867843066 site_intake[24] 1
 import[24] grid_connection[24] 1 balance[24] 1
 import[25] R0000000 56.730118453 site_intake[25] 1
 import[25] grid_connection[25] 1 balance[25] 1
 import[26] R0000000 45.866322048 site_intake[26] 1
 import[26] grid_connection[26] 1 balance[26] 1
 import[27] R0000000 64.15116421 site_intake[27] 1
 import[27] grid_connection[27] 1 balance[27] 1
 import[28] R0000000 61.022106536 site_intake[28] 1
 import[28] grid_connection[28] 1 balance[28] 1
 import[29] R0000000 67.053053565 site_intake[29] 1
 import[29] grid_connection[29] 1 balance[29] 1
 import[30] R0000000 70.666846385 site_intake[30] 1
 import[30] grid_connection[30] 1 balance[30] 1
 import[31] R0000000 77.565110779 site_intake[31] 1
 import[31] grid_connection[31] 1 balance[31] 1
 import[32] R0000000 84.056727806 site_intake[32] 1
 import[32] grid_connection[32] 1 balance[32] 1
 import[33] R0000000 84.946387718 site_intake[33] 1
 import[33] grid_connection[33] 1 balance[33] 1
 import[34] R0000000 99.227779054 site_intake[34] 1
 import[34] grid_connection[34] 1 balance[34] 1
 import[35] R0000000 100.20389305 site_intake[35] 1
 import[35] grid_connection[35] 1 balance[35] 1
 import[36] R0000000 100.31776287 site_intake[36] 1
 import[36] grid_connection[36] 1 balance[36] 1
 import[37] R0000000 97.109275904 site_intake[37] 1
 import[37] grid_connection[37] 1 balance[37] 1
 import[38] R0000000 96.490927915 site_intake[38] 1
 import[38] grid_connection[38] 1 balance[38] 1
 import[39] R0000000 85.332982028 site_intake[39] 1
 import[39] grid_connection[39] 1 balance[39] 1
 import[40] R0000000 91.14579793 site_intake[40] 1
 import[40] grid_connection[40] 1 balance[40] 1
 import[41] R0000000 80.597332522 site_intake[41] 1
 import[41] grid_connection[41] 1 balance[41] 1
 import[42] R0000000 68.985639034 site_intake[42] 1
 import[42] grid_connection[42] 1 balance[42] 1
 import[43] R0000000 77.814776822 site_intake[43] 1
 import[43] grid_connection[43] 1 balance[43] 1
 import[44] R0000000 54.813999296 site_intake[44] 1
 import[44] grid_connection[44] 1 balance[44] 1
 import[45] R0000000 48.754017929 site_intake[45] 1
 import[45] grid_connection[45] 1 balance[45] 1
 import[46] R0000000 52.737590732 site_intake[46] 1
 import[46] grid_connection[46] 1 balance[46] 1
 import[47] R0000000 59.259570047 site_intake[47] 1
 import[47] grid_connection[47] 1 balance[47] 1
 import[48] R0000000 55.67951701 site_intake[48] 1
 import[48] grid_connection[48] 1 balance[48] 1
 import[49] R0000000 58.049989969 site_intake[49] 1
 import[49] grid_connection[49] 1 balance[49] 1
 import[50] R0000000 56.167331394 site_intake[50] 1
 import[50] grid_connection[50] 1 balance[50] 1
 import[51] R0000000 55.709320632 site_intake[51] 1
 import[51] grid_connection[51] 1 balance[51] 1
 import[52] R0000000 54.285315663 site_intake[52] 1
 import[52] grid_connection[52] 1 balance[52] 1
 import[53] R0000000 71.537172821 site_intake[53] 1
 import[53] grid_connection[53] 1 balance[53] 1
 import[54] R0000000 84.74836547 site_intake[54] 1
 import[54] grid_connection[54] 1 balance[54] 1
 import[55] R0000000 85.244625153 site_intake[55] 1
 import[55] grid_connection[55] 1 balance[55] 1
 import[56] R0000000 89.413184586 site_intake[56] 1
 import[56] grid_connection[56] 1 balance[56] 1
 import[57] R0000000 87.191441912 site_intake[57] 1
 import[57] grid_connection[57] 1 balance[57] 1
 import[58] R0000000 98.911176012 site_intake[58] 1
 import[58] grid_connection[58] 1 balance[58] 1
 import[59] R0000000 97.430315704 site_intake[59] 1
 import[59] grid_connection[59] 1 balance[59] 1
 import[60] R0000000 99.698450537 site_intake[60] 1
 import[60] grid_connection[60] 1 balance[60] 1
 import[61] R0000000 107.43183507 site_intake[61] 1
 import[61] grid_connection[61] 1 balance[61] 1
 import[62] R0000000 103.27625643 site_intake[62] 1
 import[62] grid_connection[62] 1 balance[62] 1
 import[63] R0000000 93.918678033 site_intake[63] 1
 import[63] grid_connection[63] 1 balance[63] 1
 import[64] R0000000 89.937262021 site_intake[64] 1
 import[64] grid_connection[64] 1 balance[64] 1
 import[65] R0000000 85.877120652 site_intake[65] 1
 import[65] grid_connection[65] 1 balance[65] 1
 import[66] R0000000 66.88418402 site_intake[66] 1
 import[66] grid_connection[66] 1 balance[66] 1
 import[67] R0000000 67.893173286 site_intake[67] 1
 import[67] grid_connection[67] 1 balance[67] 1
 import[68] R0000000 69.505642104 site_intake[68] 1
 import[68] grid_connection[68] 1 balance[68] 1
 import[69] R0000000 55.251704346 site_intake[69] 1
 import[69] grid_connection[69] 1 balance[69] 1
 import[70] R0000000 45.475846039 site_intake[70] 1
 import[70] grid_connection[70] 1 balance[70] 1
 import[71] R0000000 50.090956872 site_intake[71] 1
 import[71] grid_connection[71] 1 balance[71] 1
 import[72] R0000000 51.147753654 site_intake[72] 1
 import[72] grid_connection[72] 1 balance[72] 1
 import[73] R0000000 45.691602421 site_intake[73] 1
 import[73] grid_connection[73] 1 balance[73] 1
 import[74] R0000000 44.703726489 site_intake[74] 1
 import[74] grid_connection[74] 1 balance[74] 1
 import[75] R0000000 48.992326199 site_intake[75] 1
 import[75] grid_connection[75] 1 balance[75] 1
 import[76] R0000000 60.089963494 site_intake[76] 1
 import[76] grid_connection[76] 1 balance[76] 1
 import[77] R0000000 76.005410399 site_intake[77] 1
 import[77] grid_connection[77] 1 balance[77] 1
 import[78] R0000000 84.675052432 site_intake[78] 1
 import[78] grid_connection[78] 1 balance[78] 1
 import[79] R0000000 90.115164141 site_intake[79] 1
 import[79] grid_connection[79] 1 balance[79] 1
 import[80] R0000000 91.356158579 site_intake[80] 1
 import[80] grid_connection[80] 1 balance[80] 1
 import[81] R0000000 102.46910592 site_intake[81] 1
 import[81] grid_connection[81] 1 balance[81] 1
 import[82] R0000000 105.56833042 site_intake[82] 1
 import[82] grid_connection[82] 1 balance[82] 1
 import[83] R0000000 97.924753979 site_intake[83] 1
 import[83] grid_connection[83] 1 balance[83] 1
 import[84] R0000000 100.14206603 site_intake[84] 1
 import[84] grid_connection[84] 1 balance[84] 1
 import[85] R0000000 91.943242384 site_intake[85] 1
 import[85] grid_connection[85] 1 balance[85] 1
 import[86] R0000000 94.763197885 site_intake[86] 1
 import[86] grid_connection[86] 1 balance[86] 1
 import[87] R0000000 83.30843852 site_intake[87] 1
 import[87] grid_connection[87] 1 balance[87] 1
 import[88] R0000000 86.402293581 site_intake[88] 1
 import[88] grid_connection[88] 1 balance[88] 1
 import[89] R0000000 78.677706975 site_intake[89] 1
 import[89] grid_connection[89] 1 balance[89] 1
 import[90] R0000000 65.031294616 site_intake[90] 1
 import[90] grid_connection[90] 1 balance[90] 1
 import[91] R0000000 59.926105384 site_intake[91] 1
 import[91] grid_connection[91] 1 balance[91] 1
 import[92] R0000000 70.605368189 site_intake[92] 1
 import[92] grid_connection[92] 1 balance[92] 1
 import[93] R0000000 63.409957708 site_intake[93] 1
 import[93] grid_connection[93] 1 balance[93] 1
 import[94] R0000000 55.639758686 site_intake[94] 1
 import[94] grid_connection[94] 1 balance[94] 1
 import[95] R0000000 59.123360407 site_intake[95] 1
 import[95] grid_connection[95] 1 balance[95] 1
 import[96] R0000000 54.392939932 site_intake[96] 1
 import[96] grid_connection[96] 1 balance[96] 1
 import[97] R0000000 47.270967464 site_intake[97] 1
 import[97] grid_connection[97] 1 balance[97] 1
 import[98] R0000000 57.322390371 site_intake[98] 1
 import[98] grid_connection[98] 1 balance[98] 1
 import[99] R0000000 48.916646231 site_intake[99] 1
 import[99] grid_connection[99] 1 balance[99] 1
 import[100] R0000000 68.294007409 site_intake[100] 1
 import[100] grid_connection[100] 1 balance[100] 1
 import[101] R0000000 78.151624793 site_intake[101] 1
 import[101] grid_connection[101] 1 balance[101] 1
 import[102] R0000000 66.650662139 site_intake[102] 1
 import[102] grid_connection[102] 1 balance[102] 1
 import[103] R0000000 73.968085029 site_intake[103] 1
 import[103] grid_connection[103] 1 balance[103] 1
 import[104] R0000000 92.302909522 site_intake[104] 1
 import[104] grid_connection[104] 1 balance[104] 1
 import[105] R0000000 84.997492034 site_intake[105] 1
 import[105] grid_connection[105] 1 balance[105] 1
 import[106] R0000000 93.781532569 site_intake[106] 1
 import[106] grid_connection[106] 1 balance[106] 1
 import[107] R0000000 108.28931642 site_intake[107] 1
 import[107] grid_connection[107] 1 balance[107] 1
 import[108] R0000000 93.623576987 site_intake[108] 1
 import[108] grid_connection[108] 1 balance[108] 1
 import[109] R0000000 89.991146067 site_intake[109] 1
 import[109] grid_connection[109] 1 balance[109] 1
 import[110] R0000000 104.16379887 site_intake[110] 1
 import[110] grid_connection[110] 1 balance[110] 1
 import[111] R0000000 89.938274093 site_intake[111] 1
 import[111] grid_connection[111] 1 balance[111] 1
 import[112] R0000000 82.01196077 site_intake[112] 1
 import[112] grid_connection[112] 1 balance[112] 1
 import[113] R0000000 83.530714421 site_intake[113] 1
 import[113] grid_connection[113] 1 balance[113] 1
 import[114] R0000000 77.145414851 site_intake[114] 1
 import[114] grid_connection[114] 1 balance[114] 1
 import[115] R0000000 76.493639874 site_intake[115] 1
 import[115] grid_connection[115] 1 balance[115] 1
 import[116] R0000000 60.843978486 site_intake[116] 1
 import[116] grid_connection[116] 1 balance[116] 1
 import[117] R0000000 66.379306133 site_intake[117] 1
 import[117] grid_connection[117] 1 balance[117] 1
 import[118] R0000000 54.982179691 site_intake[118] 1
 import[118] grid_connection[118] 1 balance[118] 1
 import[119] R0000000 50.634410595 site_intake[119] 1
 import[119] grid_connection[119] 1 balance[119] 1
 import[120] R0000000 50.547801694 site_intake[120] 1
 import[120] grid_connection[120] 1 balance[120] 1
 import[121] R0000000 56.103745741 site_intake[121] 1
 import[121] grid_connection[121] 1 balance[121] 1
 import[122] R0000000 48.592185752 site_intake[122] 1
 import[122] grid_connection[122] 1 balance[122] 1
 import[123] R0000000 51.813747839 site_intake[123] 1
 import[123] grid_connection[123] 1 balance[123] 1
 import[124] R0000000 62.520638668 site_intake[124] 1
 import[124] grid_connection[124] 1 balance[124] 1
 import[125] R0000000 67.711161232 site_intake[125] 1
 import[125] grid_connection[125] 1 balance[125] 1
 import[126] R0000000 82.014161744 site_intake[126] 1
 import[126] grid_connection[126] 1 balance[126] 1
 import[127] R0000000 86.172181501 site_intake[127] 1
 import[127] grid_connection[127] 1 balance[127] 1
 import[128] R0000000 80.829054454 site_intake[128] 1
 import[128] grid_connection[128] 1 balance[128] 1
 import[129] R0000000 88.274672119 site_intake[129] 1
 import[129] grid_connection[129] 1 balance[129] 1
 import[130] R0000000 93.08131853 site_intake[130] 1
 import[130] grid_connection[130] 1 balance[130] 1
 import[131] R0000000 102.63723612 site_intake[131] 1
 import[131] grid_connection[131] 1 balance[131] 1
 import[132] R0000000 97.6802027 site_intake[132] 1
 import[132] grid_connection[132] 1 balance[132] 1
 import[133] R0000000 104.61945199 site_intake[133] 1
 import[133] grid_connection[133] 1 balance[133] 1
 import[134] R0000000 90.515783935 site_intake[134] 1
 import[134] grid_connection[134] 1 balance[134] 1
 import[135] R0000000 93.383239805 site_intake[135] 1
 import[135] grid_connection[135] 1 balance[135] 1
 import[136] R0000000 89.411958433 site_intake[136] 1
 import[136] grid_connection[136] 1 balance[136] 1
 import[137] R0000000 77.164659672 site_intake[137] 1
 import[137] grid_connection[137] 1 balance[137] 1
 import[138] R0000000 75.181945328 site_intake[138] 1
 import[138] grid_connection[138] 1 balance[138] 1
 import[139] R0000000 72.924505429 site_intake[139] 1
 import[139] grid_connection[139] 1 balance[139] 1
 import[140] R0000000 54.598785181 site_intake[140] 1
 import[140] grid_connection[140] 1 balance[140] 1
 import[141] R0000000 66.339872689 site_intake[141] 1
 import[141] grid_connection[141] 1 balance[141] 1
 import[142] R0000000 48.688496544 site_intake[142] 1
 import[142] grid_connection[142] 1 balance[142] 1
 import[143] R0000000 45.742948596 site_intake[143] 1
 import[143] grid_connection[143] 1 balance[143] 1
 import[144] R0000000 44.955271927 site_intake[144] 1
 import[144] grid_connection[144] 1 balance[144] 1
 import[145] R0000000 51.4684276 site_intake[145] 1
 import[145] grid_connection[145] 1 balance[145] 1
 import[146] R0000000 49.14368261 site_intake[146] 1
 import[146] grid_connection[146] 1 balance[146] 1
 import[147] R0000000 64.697204637 site_intake[147] 1
 import[147] grid_connection[147] 1 balance[147] 1
 import[148] R0000000 66.480428143 site_intake[148] 1
 import[148] grid_connection[148] 1 balance[148] 1
 import[149] R0000000 77.619529824 site_intake[149] 1
 import[149] grid_connection[149] 1 balance[149] 1
 import[150] R0000000 76.814580334 site_intake[150] 1
 import[150] grid_connection[150] 1 balance[150] 1
 import[151] R0000000 85.497196441 site_intake[151] 1
 import[151] grid_connection[151] 1 balance[151] 1
 import[152] R0000000 89.161387761 site_intake[152] 1
 import[152] grid_connection[152] 1 balance[152] 1
 import[153] R0000000 91.336913955 site_intake[153] 1
 import[153] grid_connection[153] 1 balance[153] 1
 import[154] R0000000 99.509996848 site_intake[154] 1
 import[154] grid_connection[154] 1 balance[154] 1
 import[155] R0000000 89.482719296 site_intake[155] 1
 import[155] grid_connection[155] 1 balance[155] 1
 import[156] R0000000 94.364899242 site_intake[156] 1
 import[156] grid_connection[156] 1 balance[156] 1
 import[157] R0000000 104.56218966 site_intake[157] 1
 import[157] grid_connection[157] 1 balance[157] 1
 import[158] R0000000 90.636070441 site_intake[158] 1
 import[158] grid_connection[158] 1 balance[158] 1
 import[159] R0000000 91.924568008 site_intake[159] 1
 import[159] grid_connection[159] 1 balance[159] 1
 import[160] R0000000 91.740276325 site_intake[160] 1
 import[160] grid_connection[160] 1 balance[160] 1
 import[161] R0000000 73.406721532 site_intake[161] 1
 import[161] grid_connection[161] 1 balance[161] 1
 import[162] R0000000 68.948605808 site_intake[162] 1
 import[162] grid_connection[162] 1 balance[162] 1
 import[163] R0000000 63.559767458 site_intake[163] 1
 import[163] grid_connection[163] 1 balance[163] 1
 import[164] R0000000 52.493011097 site_intake[164] 1
 import[164] grid_connection[164] 1 balance[164] 1
 import[165] R0000000 55.236135841 site_intake[165] 1
 import[165] grid_connection[165] 1 balance[165] 1
 import[166] R0000000 61.60989982 site_intake[166] 1
 import[166] grid_connection[166] 1 balance[166] 1
 import[167] R0000000 49.495865808 site_intake[167] 1
 import[167] grid_connection[167] 1 balance[167] 1
 export[0] R0000000 -36.58820769 grid_connection[0] 1
 export[0] balance[0] -1
 export[1] R0000000 -40.85602575 grid_connection[1] 1
 export[1] balance[1] -1
 export[2] R0000000 -50.49204891 grid_connection[2] 1
 export[2] balance[2] -1
 export[3] R0000000 -46.43941197 grid_connection[3] 1
 export[3] balance[3] -1
 export[4] R0000000 -62.93597505 grid_connection[4] 1
 export[4] balance[4] -1
 export[5] R0000000 -58.60134789 grid_connection[5] 1
 export[5] balance[5] -1
 export[6] R0000000 -69.74720363 grid_connection[6] 1
 export[6] balance[6] -1
 export[7] R0000000 -68.01140748 grid_connection[7] 1
 export[7] balance[7] -1
 export[8] R0000000 -82.15342396 grid_connection[8] 1
 export[8] balance[8] -1
 export[9] R0000000 -80.35898402 grid_connection[9] 1
 export[9] balance[9] -1
 export[10] R0000000 -94.62434238 grid_connection[10] 1
 export[10] balance[10] -1
 export[11] R0000000 -91.02913785 grid_connection[11] 1
 export[11] balance[11] -1
 export[12] R0000000 -88.57216309 grid_connection[12] 1
 export[12] balance[12] -1
 export[13] R0000000 -86.47343685 grid_connection[13] 1
 export[13] balance[13] -1
 export[14] R0000000 -93.1535233 grid_connection[14] 1
 export[14] balance[14] -1
 export[15] R0000000 -82.04433263 grid_connection[15] 1
 export[15] balance[15] -1
 export[16] R0000000 -70.26767438 grid_connection[16] 1
 export[16] balance[16] -1
 export[17] R0000000 -73.90135836 grid_connection[17] 1
 export[17] balance[17] -1
 export[18] R0000000 -67.02273736 grid_connection[18] 1
 export[18] balance[18] -1
 export[19] R0000000 -64.56542494 grid_connection[19] 1
 export[19] balance[19] -1
 export[20] R0000000 -52.20666007 grid_connection[20] 1
 export[20] balance[20] -1
 export[21] R0000000 -44.74418945 grid_connection[21] 1
 export[21] balance[21] -1
 export[22] R0000000 -55.29422536 grid_connection[22] 1
 export[22] balance[22] -1
 export[23] R0000000 -52.27841814 grid_connection[23] 1
 export[23] balance[23] -1
 export[24] R0000000 -44.88105876 grid_connection[24] 1
 export[24] balance[24] -1
 export[25] R0000000 -51.05710661 grid_connection[25] 1
 export[25] balance[25] -1
 export[26] R0000000 -41.27968984 grid_connection[26] 1
 export[26] balance[26] -1
 export[27] R0000000 -57.73604779 grid_connection[27] 1
 export[27] balance[27] -1
 export[28] R0000000 -54.91989588 grid_connection[28] 1
 export[28] balance[28] -1
 export[29] R0000000 -60.34774821 grid_connection[29] 1
 export[29] balance[29] -1
 export[30] R0000000 -63.60016175 grid_connection[30] 1
 export[30] balance[30] -1
 export[31] R0000000 -69.8085997 grid_connection[31] 1
 export[31] balance[31] -1
 export[32] R0000000 -75.65105503 grid_connection[32] 1
 export[32] balance[32] -1
 export[33] R0000000 -76.45174895 grid_connection[33] 1
 export[33] balance[33] -1
 export[34] R0000000 -89.30500115 grid_connection[34] 1
 export[34] balance[34] -1
 export[35] R0000000 -90.18350375 grid_connection[35] 1
 export[35] balance[35] -1
 export[36] R0000000 -90.28598658 grid_connection[36] 1
 export[36] balance[36] -1
 export[37] R0000000 -87.39834831 grid_connection[37] 1
 export[37] balance[37] -1
 export[38] R0000000 -86.84183512 grid_connection[38] 1
 export[38] balance[38] -1
 export[39] R0000000 -76.79968383 grid_connection[39] 1
 export[39] balance[39] -1
 export[40] R0000000 -82.03121814 grid_connection[40] 1
 export[40] balance[40] -1
 export[41] R0000000 -72.53759927 grid_connection[41] 1
 export[41] balance[41] -1
 export[42] R0000000 -62.08707513 grid_connection[42] 1
 export[42] balance[42] -1
 export[43] R0000000 -70.03329914 grid_connection[43] 1
 export[43] balance[43] -1
 export[44] R0000000 -49.33259937 grid_connection[44] 1
 export[44] balance[44] -1
 export[45] R0000000 -43.87861614 grid_connection[45] 1
 export[45] balance[45] -1
 export[46] R0000000 -47.46383166 grid_connection[46] 1
 export[46] balance[46] -1
 export[47] R0000000 -53.33361304 grid_connection[47] 1
 export[47] balance[47] -1
 export[48] R0000000 -50.11156531 grid_connection[48] 1
 export[48] balance[48] -1
 export[49] R0000000 -52.24499097 grid_connection[49] 1
 export[49] balance[49] -1
 export[50] R0000000 -50.55059825 grid_connection[50] 1
 export[50] balance[50] -1
 export[51] R0000000 -50.13838857 grid_connection[51] 1
 export[51] balance[51] -1
 export[52] R0000000 -48.8567841 grid_connection[52] 1
 export[52] balance[52] -1
 export[53] R0000000 -64.38345554 grid_connection[53] 1
 export[53] balance[53] -1
 export[54] R0000000 -76.27352892 grid_connection[54] 1
 export[54] balance[54] -1
 export[55] R0000000 -76.72016264 grid_connection[55] 1
 export[55] balance[55] -1
 export[56] R0000000 -80.47186613 grid_connection[56] 1
 export[56] balance[56] -1
 export[57] R0000000 -78.47229772 grid_connection[57] 1
 export[57] balance[57] -1
 export[58] R0000000 -89.02005841 grid_connection[58] 1
 export[58] balance[58] -1
 export[59] R0000000 -87.68728413 grid_connection[59] 1
 export[59] balance[59] -1
 export[60] R0000000 -89.72860548 grid_connection[60] 1
 export[60] balance[60] -1
 export[61] R0000000 -96.68865156 grid_connection[61] 1
 export[61] balance[61] -1
 export[62] R0000000 -92.94863079 grid_connection[62] 1
 export[62] balance[62] -1
 export[63] R0000000 -84.52681023 grid_connection[63] 1
 export[63] balance[63] -1
 export[64] R0000000 -80.94353582 grid_connection[64] 1
 export[64] balance[64] -1
 export[65] R0000000 -77.28940859 grid_connection[65] 1
 export[65] balance[65] -1
 export[66] R0000000 -60.19576562 grid_connection[66] 1
 export[66] balance[66] -1
 export[67] R0000000 -61.10385596 grid_connection[67] 1
 export[67] balance[67] -1
 export[68] R0000000 -62.55507789 grid_connection[68] 1
 export[68] balance[68] -1
 export[69] R0000000 -49.72653391 grid_connection[69] 1
 export[69] balance[69] -1
 export[70] R0000000 -40.92826144 grid_connection[70] 1
 export[70] balance[70] -1
 export[71] R0000000 -45.08186119 grid_connection[71] 1
 export[71] balance[71] -1
 export[72] R0000000 -46.03297829 grid_connection[72] 1
 export[72] balance[72] -1
 export[73] R0000000 -41.12244218 grid_connection[73] 1
 export[73] balance[73] -1
 export[74] R0000000 -40.23335384 grid_connection[74] 1
 export[74] balance[74] -1
 export[75] R0000000 -44.09309358 grid_connection[75] 1
 export[75] balance[75] -1
 export[76] R0000000 -54.08096714 grid_connection[76] 1
 export[76] balance[76] -1
 export[77] R0000000 -68.40486936 grid_connection[77] 1
 export[77] balance[77] -1
 export[78] R0000000 -76.20754719 grid_connection[78] 1
 export[78] balance[78] -1
 export[79] R0000000 -81.10364773 grid_connection[79] 1
 export[79] balance[79] -1
 export[80] R0000000 -82.22054272 grid_connection[80] 1
 export[80] balance[80] -1
 export[81] R0000000 -92.22219533 grid_connection[81] 1
 export[81] balance[81] -1
 export[82] R0000000 -95.01149738 grid_connection[82] 1
 export[82] balance[82] -1
 export[83] R0000000 -88.13227858 grid_connection[83] 1
 export[83] balance[83] -1
 export[84] R0000000 -90.12785943 grid_connection[84] 1
 export[84] balance[84] -1
 export[85] R0000000 -82.74891815 grid_connection[85] 1
 export[85] balance[85] -1
 export[86] R0000000 -85.2868781 grid_connection[86] 1
 export[86] balance[86] -1
 export[87] R0000000 -74.97759467 grid_connection[87] 1
 export[87] balance[87] -1
 export[88] R0000000 -77.76206422 grid_connection[88] 1
 export[88] balance[88] -1
 export[89] R0000000 -70.80993628 grid_connection[89] 1
 export[89] balance[89] -1
 export[90] R0000000 -58.52816515 grid_connection[90] 1
 export[90] balance[90] -1
 export[91] R0000000 -53.93349485 grid_connection[91] 1
 export[91] balance[91] -1
 export[92] R0000000 -63.54483137 grid_connection[92] 1
 export[92] balance[92] -1
 export[93] R0000000 -57.06896194 grid_connection[93] 1
 export[93] balance[93] -1
 export[94] R0000000 -50.07578282 grid_connection[94] 1
 export[94] balance[94] -1
 export[95] R0000000 -53.21102437 grid_connection[95] 1
 export[95] balance[95] -1
 export[96] R0000000 -48.95364594 grid_connection[96] 1
 export[96] balance[96] -1
 export[97] R0000000 -42.54387072 grid_connection[97] 1
 export[97] balance[97] -1
 export[98] R0000000 -51.59015133 grid_connection[98] 1
 export[98] balance[98] -1
 export[99] R0000000 -44.02498161 grid_connection[99] 1
 export[99] balance[99] -1
 export[100] R0000000 -61.46460667 grid_connection[100] 1
 export[100] balance[100] -1
 export[101] R0000000 -70.33646231 grid_connection[101] 1
 export[101] balance[101] -1
 export[102] R0000000 -59.98559592 grid_connection[102] 1
 export[102] balance[102] -1
 export[103] R0000000 -66.57127653 grid_connection[103] 1
 export[103] balance[103] -1
 export[104] R0000000 -83.07261857 grid_connection[104] 1
 export[104] balance[104] -1
 export[105] R0000000 -76.49774283 grid_connection[105] 1
 export[105] balance[105] -1
 export[106] R0000000 -84.40337931 grid_connection[106] 1
 export[106] balance[106] -1
 export[107] R0000000 -97.46038477 grid_connection[107] 1
 export[107] balance[107] -1
 export[108] R0000000 -84.26121929 grid_connection[108] 1
 export[108] balance[108] -1
 export[109] R0000000 -80.99203146 grid_connection[109] 1
 export[109] balance[109] -1
 export[110] R0000000 -93.74741898 grid_connection[110] 1
 export[110] balance[110] -1
 export[111] R0000000 -80.94444668 grid_connection[111] 1
 export[111] balance[111] -1
 export[112] R0000000 -73.81076469 grid_connection[112] 1
 export[112] balance[112] -1
 export[113] R0000000 -75.17764298 grid_connection[113] 1
 export[113] balance[113] -1
 export[114] R0000000 -69.43087337 grid_connection[114] 1
 export[114] balance[114] -1
 export[115] R0000000 -68.84427589 grid_connection[115] 1
 export[115] balance[115] -1
 export[116] R0000000 -54.75958064 grid_connection[116] 1
 export[116] balance[116] -1
 export[117] R0000000 -59.74137552 grid_connection[117] 1
 export[117] balance[117] -1
 export[118] R0000000 -49.48396172 grid_connection[118] 1
 export[118] balance[118] -1
 export[119] R0000000 -45.57096954 grid_connection[119] 1
 export[119] balance[119] -1
 export[120] R0000000 -45.49302152 grid_connection[120] 1
 export[120] balance[120] -1
 export[121] R0000000 -50.49337117 grid_connection[121] 1
 export[121] balance[121] -1
 export[122] R0000000 -43.73296718 grid_connection[122] 1
 export[122] balance[122] -1
 export[123] R0000000 -46.63237305 grid_connection[123] 1
 export[123] balance[123] -1
 export[124] R0000000 -56.2685748 grid_connection[124] 1
 export[124] balance[124] -1
 export[125] R0000000 -60.94004511 grid_connection[125] 1
 export[125] balance[125] -1
 export[126] R0000000 -73.81274557 grid_connection[126] 1
 export[126] balance[126] -1
 export[127] R0000000 -77.55496335 grid_connection[127] 1
 export[127] balance[127] -1
 export[128] R0000000 -72.74614901 grid_connection[128] 1
 export[128] balance[128] -1
 export[129] R0000000 -79.44720491 grid_connection[129] 1
 export[129] balance[129] -1
 export[130] R0000000 -83.77318668 grid_connection[130] 1
 export[130] balance[130] -1
 export[131] R0000000 -92.37351251 grid_connection[131] 1
 export[131] balance[131] -1
 export[132] R0000000 -87.91218243 grid_connection[132] 1
 export[132] balance[132] -1
 export[133] R0000000 -94.1575068 grid_connection[133] 1
 export[133] balance[133] -1
 export[134] R0000000 -81.46420554 grid_connection[134] 1
 export[134] balance[134] -1
 export[135] R0000000 -84.04491582 grid_connection[135] 1
 export[135] balance[135] -1
 export[136] R0000000 -80.47076259 grid_connection[136] 1
 export[136] balance[136] -1
 export[137] R0000000 -69.44819371 grid_connection[137] 1
 export[137] balance[137] -1
 export[138] R0000000 -67.66375079 grid_connection[138] 1
 export[138] balance[138] -1
 export[139] R0000000 -65.63205489 grid_connection[139] 1
 export[139] balance[139] -1
 export[140] R0000000 -49.13890666 grid_connection[140] 1
 export[140] balance[140] -1
 export[141] R0000000 -59.70588542 grid_connection[141] 1
 export[141] balance[141] -1
 export[142] R0000000 -43.81964689 grid_connection[142] 1
 export[142] balance[142] -1
 export[143] R0000000 -41.16865374 grid_connection[143] 1
 export[143] balance[143] -1
 export[144] R0000000 -40.45974473 grid_connection[144] 1
 export[144] balance[144] -1
 export[145] R0000000 -46.32158484 grid_connection[145] 1
 export[145] balance[145] -1
 export[146] R0000000 -44.22931435 grid_connection[146] 1
 export[146] balance[146] -1
 export[147] R0000000 -58.22748417 grid_connection[147] 1
 export[147] balance[147] -1
 export[148] R0000000 -59.83238533 grid_connection[148] 1
 export[148] balance[148] -1
 export[149] R0000000 -69.85757684 grid_connection[149] 1
 export[149] balance[149] -1
 export[150] R0000000 -69.1331223 grid_connection[150] 1
 export[150] balance[150] -1
 export[151] R0000000 -76.9474768 grid_connection[151] 1
 export[151] balance[151] -1
 export[152] R0000000 -80.24524898 grid_connection[152] 1
 export[152] balance[152] -1
 export[153] R0000000 -82.20322256 grid_connection[153] 1
 export[153] balance[153] -1
 export[154] R0000000 -89.55899716 grid_connection[154] 1
 export[154] balance[154] -1
 export[155] R0000000 -80.53444737 grid_connection[155] 1
 export[155] balance[155] -1
 export[156] R0000000 -84.92840932 grid_connection[156] 1
 export[156] balance[156] -1
 export[157] R0000000 -94.10597069 grid_connection[157] 1
 export[157] balance[157] -1
 export[158] R0000000 -81.5724634 grid_connection[158] 1
 export[158] balance[158] -1
 export[159] R0000000 -82.73211121 grid_connection[159] 1
 export[159] balance[159] -1
 export[160] R0000000 -82.56624869 grid_connection[160] 1
 export[160] balance[160] -1
 export[161] R0000000 -66.06604938 grid_connection[161] 1
 export[161] balance[161] -1
 export[162] R0000000 -62.05374523 grid_connection[162] 1
 export[162] balance[162] -1
 export[163] R0000000 -57.20379071 grid_connection[163] 1
 export[163] balance[163] -1
 export[164] R0000000 -47.24370999 grid_connection[164] 1
 export[164] balance[164] -1
 export[165] R0000000 -49.71252226 grid_connection[165] 1
 export[165] balance[165] -1
 export[166] R0000000 -55.44890984 grid_connection[166] 1
 export[166] balance[166] -1
 export[167] R0000000 -44.54627923 grid_connection[167] 1
 export[167] balance[167] -1
 charge[0] R0000000 1 soc_balance[0] -0.95
 charge[0] balance[0] -1
 charge[1] R0000000 1 soc_balance[1] -0.95
 charge[1] balance[1] -1
 charge[2] R0000000 1 soc_balance[2] -0.95
 charge[2] balance[2] -1
 charge[3] R0000000 1 soc_balance[3] -0.95
 charge[3] balance[3] -1
 charge[4] R0000000 1 soc_balance[4] -0.95
 charge[4] balance[4] -1
 charge[5] R0000000 1 soc_balance[5] -0.95
 charge[5] balance[5] -1
 charge[6] R0000000 1 soc_balance[6] -0.95
 charge[6] balance[6] -1
 charge[7] R0000000 1 soc_balance[7] -0.95
 charge[7] balance[7] -1
 charge[8] R0000000 1 soc_balance[8] -0.95
 charge[8] balance[8] -1
 charge[9] R0000000 1 soc_balance[9] -0.95
 charge[9] balance[9] -1
 charge[10] R0000000 1 soc_balance[10] -0.95
 charge[10] balance[10] -1
 charge[11] R0000000 1 soc_balance[11] -0.95
 charge[11] balance[11] -1
 charge[12] R0000000 1 soc_balance[12] -0.95
 charge[12] balance[12] -1
 charge[13] R0000000 1 soc_balance[13] -0.95
 charge[13] balance[13] -1
 charge[14] R0000000 1 soc_balance[14] -0.95
 charge[14] balance[14] -1
 charge[15] R0000000 1 soc_balance[15] -0.95
 charge[15] balance[15] -1
 charge[16] R0000000 1 soc_balance[16] -0.95
 charge[16] balance[16] -1
 charge[17] R0000000 1 soc_balance[17] -0.95
 charge[17] balance[17] -1
 charge[18] R0000000 1 soc_balance[18] -0.95
 charge[18] balance[18] -1
 charge[19] R0000000 1 soc_balance[19] -0.95
 charge[19] balance[19] -1
 charge[20] R0000000 1 soc_balance[20] -0.95
 charge[20] balance[20] -1
 charge[21] R0000000 1 soc_balance[21] -0.95
 charge[21] balance[21] -1
 charge[22] R0000000 1 soc_balance[22] -0.95
 charge[22] balance[22] -1
 charge[23] R0000000 1 soc_balance[23] -0.95
 charge[23] balance[23] -1
 charge[24] R0000000 1 soc_balance[24] -0.95
 charge[24] balance[24] -1
 charge[25] R0000000 1 soc_balance[25] -0.95
 charge[25] balance[25] -1
 charge[26] R0000000 1 soc_balance[26] -0.95
 charge[26] balance[26] -1
 charge[27] R0000000 1 soc_balance[27] -0.95
 charge[27] balance[27] -1
 charge[28] R0000000 1 soc_balance[28] -0.95
 charge[28] balance[28] -1
 charge[29] R0000000 1 soc_balance[29] -0.95
 charge[29] balance[29] -1
 charge[30] R0000000 1 soc_balance[30] -0.95
 charge[30] balance[30] -1
 charge[31] R0000000 1 soc_balance[31] -0.95
 charge[31] balance[31] -1
 charge[32] R0000000 1 soc_balance[32] -0.95
 charge[32] balance[32] -1
 charge[33] R0000000 1 soc_balance[33] -0.95
 charge[33] balance[33] -1
 charge[34] R0000000 1 soc_balance[34] -0.95
 charge[34] balance[34] -1
 charge[35] R0000000 1 soc_balance[35] -0.95
 charge[35] balance[35] -1
 charge[36] R0000000 1 soc_balance[36] -0.95
 charge[36] balance[36] -1
 charge[37] R0000000 1 soc_balance[37] -0.95
 charge[37] balance[37] -1
 charge[38] R0000000 1 soc_balance[38] -0.95
 charge[38] balance[38] -1
 charge[39] R0000000 1 soc_balance[39] -0.95
 charge[39] balance[39] -1
 charge[40] R0000000 1 soc_balance[40] -0.95
 charge[40] balance[40] -1
 charge[41] R0000000 1 soc_balance[41] -0.95
 charge[41] balance[41] -1
 charge[42] R0000000 1 soc_balance[42] -0.95
 charge[42] balance[42] -1
 charge[43] R0000000 1 soc_balance[43] -0.95
 charge[43] balance[43] -1
 charge[44] R0000000 1 soc_balance[44] -0.95
 charge[44] balance[44] -1
 charge[45] R0000000 1 soc_balance[45] -0.95
 charge[45] balance[45] -1
 charge[46] R0000000 1 soc_balance[46] -0.95
 charge[46] balance[46] -1
 charge[47] R0000000 1 soc_balance[47] -0.95
 charge[47] balance[47] -1
 charge[48] R0000000 1 soc_balance[48] -0.95
 charge[48] balance[48] -1
 charge[49] R0000000 1 soc_balance[49] -0.95
 charge[49] balance[49] -1
 charge[50] R0000000 1 soc_balance[50] -0.95
 charge[50] balance[50] -1
 charge[51] R0000000 1 soc_balance[51] -0.95
 charge[51] balance[51] -1
 charge[52] R0000000 1 soc_balance[52] -0.95
 charge[52] balance[52] -1
 charge[53] R0000000 1 soc_balance[53] -0.95
 charge[53] balance[53] -1
 charge[54] R0000000 1 soc_balance[54] -0.95
 charge[54] balance[54] -1
 charge[55] R0000000 1 soc_balance[55] -0.95
 charge[55] balance[55] -1
 charge[56] R0000000 1 soc_balance[56] -0.95
 charge[56] balance[56] -1
 charge[57] R0000000 1 soc_balance[57] -0.95
 charge[57] balance[57] -1
 charge[58] R0000000 1 soc_balance[58] -0.95
 charge[58] balance[58] -1
 charge[59] R0000000 1 soc_balance[59] -0.95
 charge[59] balance[59] -1
 charge[60] R0000000 1 soc_balance[60] -0.95
 charge[60] balance[60] -1
 charge[61] R0000000 1 soc_balance[61] -0.95
 charge[61] balance[61] -1
 charge[62] R0000000 1 soc_balance[62] -0.95
 charge[62] balance[62] -1
 charge[63] R0000000 1 soc_balance[63] -0.95
 charge[63] balance[63] -1
 charge[64] R0000000 1 soc_balance[64] -0.95
 charge[64] balance[64] -1
 charge[65] R0000000 1 soc_balance[65] -0.95
 charge[65] balance[65] -1
 charge[66] R0000000 1 soc_balance[66] -0.95
 charge[66] balance[66] -1
 charge[67] R0000000 1 soc_balance[67] -0.95
 charge[67] balance[67] -1
 charge[68] R0000000 1 soc_balance[68] -0.95
 charge[68] balance[68] -1
 charge[69] R0000000 1 soc_balance[69] -0.95
 charge[69] balance[69] -1
 charge[70] R0000000 1 soc_balance[70] -0.95
 charge[70] balance[70] -1
 charge[71] R0000000 1 soc_balance[71] -0.95
 charge[71] balance[71] -1
 charge[72] R0000000 1 soc_balance[72] -0.95
 charge[72] balance[72] -1
 charge[73] R0000000 1 soc_balance[73] -0.95
 charge[73] balance[73] -1
 charge[74] R0000000 1 soc_balance[74] -0.95
 charge[74] balance[74] -1
 charge[75] R0000000 1 soc_balance[75] -0.95
 charge[75] balance[75] -1
 charge[76] R0000000 1 soc_balance[76] -0.95
 charge[76] balance[76] -1
 charge[77] R0000000 1 soc_balance[77] -0.95
 charge[77] balance[77] -1
 charge[78] R0000000 1 soc_balance[78] -0.95
 charge[78] balance[78] -1
 charge[79] R0000000 1 soc_balance[79] -0.95
 charge[79] balance[79] -1
 charge[80] R0000000 1 soc_balance[80] -0.95
 charge[80] balance[80] -1
 charge[81] R0000000 1 soc_balance[81] -0.95
 charge[81] balance[81] -1
 charge[82] R0000000 1 soc_balance[82] -0.95
 charge[82] balance[82] -1
 charge[83] R0000000 1 soc_balance[83] -0.95
 charge[83] balance[83] -1
 charge[84] R0000000 1 soc_balance[84] -0.95
 charge[84] balance[84] -1
 charge[85] R0000000 1 soc_balance[85] -0.95
 charge[85] balance[85] -1
 charge[86] R0000000 1 soc_balance[86] -0.95
 charge[86] balance[86] -1
 charge[87] R0000000 1 soc_balance[87] -0.95
 charge[87] balance[87] -1
 charge[88] R0000000 1 soc_balance[88] -0.95
 charge[88] balance[88] -1
 charge[89] R0000000 1 soc_balance[89] -0.95
 charge[89] balance[89] -1
 charge[90] R0000000 1 soc_balance[90] -0.95
 charge[90] balance[90] -1
 charge[91] R0000000 1 soc_balance[91] -0.95
 charge[91] balance[91] -1
 charge[92] R0000000 1 soc_balance[92] -0.95
 charge[92] balance[92] -1
 charge[93] R0000000 1 soc_balance[93] -0.95
 charge[93] balance[93] -1
 charge[94] R0000000 1 soc_balance[94] -0.95
 charge[94] balance[94] -1
 charge[95] R0000000 1 soc_balance[95] -0.95
 charge[95] balance[95] -1
 charge[96] R0000000 1 soc_balance[96] -0.95
 charge[96] balance[96] -1
 charge[97] R0000000 1 soc_balance[97] -0.95
 charge[97] balance[97] -1
 charge[98] R0000000 1 soc_balance[98] -0.95
 charge[98] balance[98] -1
 charge[99] R0000000 1 soc_balance[99] -0.95
 charge[99] balance[99] -1
 charge[100] R0000000 1 soc_balance[100] -0.95
 charge[100] balance[100] -1
 charge[101] R0000000 1 soc_balance[101] -0.95
 charge[101] balance[101] -1
 charge[102] R0000000 1 soc_balance[102] -0.95
 charge[102] balance[102] -1
 charge[103] R0000000 1 soc_balance[103] -0.95
 charge[103] balance[103] -1
 charge[104] R0000000 1 soc_balance[104] -0.95
 charge[104] balance[104] -1
 charge[105] R0000000 1 soc_balance[105] -0.95
 charge[105] balance[105] -1
 charge[106] R0000000 1 soc_balance[106] -0.95
 charge[106] balance[106] -1
 charge[107] R0000000 1 soc_balance[107] -0.95
 charge[107] balance[107] -1
 charge[108] R0000000 1 soc_balance[108] -0.95
 charge[108] balance[108] -1
 charge[109] R0000000 1 soc_balance[109] -0.95
 charge[109] balance[109] -1
 charge[110] R0000000 1 soc_balance[110] -0.95
 charge[110] balance[110] -1
 charge[111] R0000000 1 soc_balance[111] -0.95
 charge[111] balance[111] -1
 charge[112] R0000000 1 soc_balance[112] -0.95
 charge[112] balance[112] -1
 charge[113] R0000000 1 soc_balance[113] -0.95
 charge[113] balance[113] -1
 charge[114] R0000000 1 soc_balance[114] -0.95
 charge[114] balance[114] -1
 charge[115] R0000000 1 soc_balance[115] -0.95
 charge[115] balance[115] -1
 charge[116] R0000000 1 soc_balance[116] -0.95
 charge[116] balance[116] -1
 charge[117] R0000000 1 soc_balance[117] -0.95
 charge[117] balance[117] -1
 charge[118] R0000000 1 soc_balance[118] -0.95
 charge[118] balance[118] -1
 charge[119] R0000000 1 soc_balance[119] -0.95
 charge[119] balance[119] -1
 charge[120] R0000000 1 soc_balance[120] -0.95
 charge[120] balance[120] -1
 charge[121] R0000000 1 soc_balance[121] -0.95
 charge[121] balance[121] -1
 charge[122] R0000000 1 soc_balance[122] -0.95
 charge[122] balance[122] -1
 charge[123] R0000000 1 soc_balance[123] -0.95
 charge[123] balance[123] -1
 charge[124] R0000000 1 soc_balance[124] -0.95
 charge[124] balance[124] -1
 charge[125] R0000000 1 soc_balance[125] -0.95
 charge[125] balance[125] -1
 charge[126] R0000000 1 soc_balance[126] -0.95
 charge[126] balance[126] -1
 charge[127] R0000000 1 soc_balance[127] -0.95
 charge[127] balance[127] -1
 charge[128] R0000000 1 soc_balance[128] -0.95
 charge[128] balance[128] -1
 charge[129] R0000000 1 soc_balance[129] -0.95
 charge[129] balance[129] -1
 charge[130] R0000000 1 soc_balance[130] -0.95
 charge[130] balance[130] -1
 charge[131] R0000000 1 soc_balance[131] -0.95
 charge[131] balance[131] -1
 charge[132] R0000000 1 soc_balance[132] -0.95
 charge[132] balance[132] -1
 charge[133] R0000000 1 soc_balance[133] -0.95
 charge[133] balance[133] -1
 charge[134] R0000000 1 soc_balance[134] -0.95
 charge[134] balance[134] -1
 charge[135] R0000000 1 soc_balance[135] -0.95
 charge[135] balance[135] -1
 charge[136] R0000000 1 soc_balance[136] -0.95
 charge[136] balance[136] -1
 charge[137] R0000000 1 soc_balance[137] -0.95
 charge[137] balance[137] -1
 charge[138] R0000000 1 soc_balance[138] -0.95
 charge[138] balance[138] -1
 charge[139] R0000000 1 soc_balance[139] -0.95
 charge[139] balance[139] -1
 charge[140] R0000000 1 soc_balance[140] -0.95
 charge[140] balance[140] -1
 charge[141] R0000000 1 soc_balance[141] -0.95
 charge[141] balance[141] -1
 charge[142] R0000000 1 soc_balance[142] -0.95
 charge[142] balance[142] -1
 charge[143] R0000000 1 soc_balance[143] -0.95
 charge[143] balance[143] -1
 charge[144] R0000000 1 soc_balance[144] -0.95
 charge[144] balance[144] -1
 charge[145] R0000000 1 soc_balance[145] -0.95
 charge[145] balance[145] -1
 charge[146] R0000000 1 soc_balance[146] -0.95
 charge[146] balance[146] -1
 charge[147] R0000000 1 soc_balance[147] -0.95
 charge[147] balance[147] -1
 charge[148] R0000000 1 soc_balance[148] -0.95
 charge[148] balance[148] -1
 charge[149] R0000000 1 soc_balance[149] -0.95
 charge[149] balance[149] -1
 charge[150] R0000000 1 soc_balance[150] -0.95
 charge[150] balance[150] -1
 charge[151] R0000000 1 soc_balance[151] -0.95
 charge[151] balance[151] -1
 charge[152] R0000000 1 soc_balance[152] -0.95
 charge[152] balance[152] -1
 charge[153] R0000000 1 soc_balance[153] -0.95
 charge[153] balance[153] -1
 charge[154] R0000000 1 soc_balance[154] -0.95
 charge[154] balance[154] -1
 charge[155] R0000000 1 soc_balance[155] -0.95
 charge[155] balance[155] -1
 charge[156] R0000000 1 soc_balance[156] -0.95
 charge[156] balance[156] -1
 charge[157] R0000000 1 soc_balance[157] -0.95
 charge[157] balance[157] -1
 charge[158] R0000000 1 soc_balance[158] -0.95
 charge[158] balance[158] -1
 charge[159] R0000000 1 soc_balance[159] -0.95
 charge[159] balance[159] -1
 charge[160] R0000000 1 soc_balance[160] -0.95
 charge[160] balance[160] -1
 charge[161] R0000000 1 soc_balance[161] -0.95
 charge[161] balance[161] -1
 charge[162] R0000000 1 soc_balance[162] -0.95
 charge[162] balance[162] -1
 charge[163] R0000000 1 soc_balance[163] -0.95
 charge[163] balance[163] -1
 charge[164] R0000000 1 soc_balance[164] -0.95
 charge[164] balance[164] -1
 charge[165] R0000000 1 soc_balance[165] -0.95
 charge[165] balance[165] -1
 charge[166] R0000000 1 soc_balance[166] -0.95
 charge[166] balance[166] -1
 charge[167] R0000000 1 soc_balance[167] -0.95
 charge[167] balance[167] -1
 discharge[0] R0000000 1 soc_balance[0] 1.0526315789
 discharge[0] balance[0] 1
 discharge[1] R0000000 1 soc_balance[1] 1.0526315789
 discharge[1] balance[1] 1
 discharge[2] R0000000 1 soc_balance[2] 1.0526315789
 discharge[2] balance[2] 1
 discharge[3] R0000000 1 soc_balance[3] 1.0526315789
 discharge[3] balance[3] 1
 discharge[4] R0000000 1 soc_balance[4] 1.0526315789
 discharge[4] balance[4] 1
 discharge[5] R0000000 1 soc_balance[5] 1.0526315789
 discharge[5] balance[5] 1
 discharge[6] R0000000 1 soc_balance[6] 1.0526315789
 discharge[6] balance[6] 1
 discharge[7] R0000000 1 soc_balance[7] 1.0526315789
 discharge[7] balance[7] 1
 discharge[8] R0000000 1 soc_balance[8] 1.0526315789
 discharge[8] balance[8] 1
 discharge[9] R0000000 1 soc_balance[9] 1.0526315789
 discharge[9] balance[9] 1
 discharge[10] R0000000 1 soc_balance[10] 1.0526315789
 discharge[10] balance[10] 1
 discharge[11] R0000000 1 soc_balance[11] 1.0526315789
 discharge[11] balance[11] 1
 discharge[12] R0000000 1 soc_balance[12] 1.0526315789
 discharge[12] balance[12] 1
 discharge[13] R0000000 1 soc_balance[13] 1.0526315789
 discharge[13] balance[13] 1
 discharge[14] R0000000 1 soc_balance[14] 1.0526315789
 discharge[14] balance[14] 1
 discharge[15] R0000000 1 soc_balance[15] 1.0526315789
 discharge[15] balance[15] 1
 discharge[16] R0000000 1 soc_balance[16] 1.0526315789
 discharge[16] balance[16] 1
 discharge[17] R0000000 1 soc_balance[17] 1.0526315789
 discharge[17] balance[17] 1
 discharge[18] R0000000 1 soc_balance[18] 1.0526315789
 discharge[18] balance[18] 1
 discharge[19] R0000000 1 soc_balance[19] 1.0526315789
 discharge[19] balance[19] 1
 discharge[20] R0000000 1 soc_balance[20] 1.0526315789
 discharge[20] balance[20] 1
 discharge[21] R0000000 1 soc_balance[21] 1.0526315789
 discharge[21] balance[21] 1
 discharge[22] R0000000 1 soc_balance[22] 1.0526315789
 discharge[22] balance[22] 1
 discharge[23] R0000000 1 soc_balance[23] 1.0526315789
 discharge[23] balance[23] 1
 discharge[24] R0000000 1 soc_balance[24] 1.0526315789
 discharge[24] balance[24] 1
 discharge[25] R0000000 1 soc_balance[25] 1.0526315789
 discharge[25] balance[25] 1
 discharge[26] R0000000 1 soc_balance[26] 1.0526315789
 discharge[26] balance[26] 1
 discharge[27] R0000000 1 soc_balance[27] 1.0526315789
 discharge[27] balance[27] 1
 discharge[28] R0000000 1 soc_balance[28] 1.0526315789
 discharge[28] balance[28] 1
 discharge[29] R0000000 1 soc_balance[29] 1.0526315789
 discharge[29] balance[29] 1
 discharge[30] R0000000 1 soc_balance[30] 1.0526315789
 discharge[30] balance[30] 1
 discharge[31] R0000000 1 soc_balance[31] 1.0526315789
 discharge[31] balance[31] 1
 discharge[32] R0000000 1 soc_balance[32] 1.0526315789
 discharge[32] balance[32] 1
 discharge[33] R0000000 1 soc_balance[33] 1.0526315789
 discharge[33] balance[33] 1
 discharge[34] R0000000 1 soc_balance[34] 1.0526315789
 discharge[34] balance[34] 1
 discharge[35] R0000000 1 soc_balance[35] 1.0526315789
 discharge[35] balance[35] 1
 discharge[36] R0000000 1 soc_balance[36] 1.0526315789
 discharge[36] balance[36] 1
 discharge[37] R0000000 1 soc_balance[37] 1.0526315789
 discharge[37] balance[37] 1
 discharge[38] R0000000 1 soc_balance[38] 1.0526315789
 discharge[38] balance[38] 1
 discharge[39] R0000000 1 soc_balance[39] 1.0526315789
 discharge[39] balance[39] 1
 discharge[40] R0000000 1 soc_balance[40] 1.0526315789
 discharge[40] balance[40] 1
 discharge[41] R0000000 1 soc_balance[41] 1.0526315789
 discharge[41] balance[41] 1
 discharge[42] R0000000 1 soc_balance[42] 1.0526315789
 discharge[42] balance[42] 1
 discharge[43] R0000000 1 soc_balance[43] 1.0526315789
 discharge[43] balance[43] 1
 discharge[44] R0000000 1 soc_balance[44] 1.0526315789
 discharge[44] balance[44] 1
 discharge[45] R0000000 1 soc_balance[45] 1.0526315789
 discharge[45] balance[45] 1
 discharge[46] R0000000 1 soc_balance[46] 1.0526315789
 discharge[46] balance[46] 1
 discharge[47] R0000000 1 soc_balance[47] 1.0526315789
 discharge[47] balance[47] 1
 discharge[48] R0000000 1 soc_balance[48] 1.0526315789
 discharge[48] balance[48] 1
 discharge[49] R0000000 1 soc_balance[49] 1.0526315789
 discharge[49] balance[49] 1
 discharge[50] R0000000 1 soc_balance[50] 1.0526315789
 discharge[50] balance[50] 1
 discharge[51] R0000000 1 soc_balance[51] 1.0526315789
 discharge[51] balance[51] 1
 discharge[52] R0000000 1 soc_balance[52] 1.0526315789
 discharge[52] balance[52] 1
 discharge[53] R0000000 1 soc_balance[53] 1.0526315789
 discharge[53] balance[53] 1
 discharge[54] R0000000 1 soc_balance[54] 1.0526315789
 discharge[54] balance[54] 1
 discharge[55] R0000000 1 soc_balance[55] 1.0526315789
 discharge[55] balance[55] 1
 discharge[56] R0000000 1 soc_balance[56] 1.0526315789
 discharge[56] balance[56] 1
 discharge[57] R0000000 1 soc_balance[57] 1.0526315789
 discharge[57] balance[57] 1
 discharge[58] R0000000 1 soc_balance[58] 1.0526315789
 discharge[58] balance[58] 1
 discharge[59] R0000000 1 soc_balance[59] 1.0526315789
 discharge[59] balance[59] 1
 discharge[60] R0000000 1 soc_balance[60] 1.0526315789
 discharge[60] balance[60] 1
 discharge[61] R0000000 1 soc_balance[61] 1.0526315789
 discharge[61] balance[61] 1
 discharge[62] R0000000 1 soc_balance[62] 1.0526315789
 discharge[62] balance[62] 1
 discharge[63] R0000000 1 soc_balance[63] 1.0526315789
 discharge[63] balance[63] 1
 discharge[64] R0000000 1 soc_balance[64] 1.0526315789
 discharge[64] balance[64] 1
 discharge[65] R0000000 1 soc_balance[65] 1.0526315789
 discharge[65] balance[65] 1
 discharge[66] R0000000 1 soc_balance[66] 1.0526315789
 discharge[66] balance[66] 1
 discharge[67] R0000000 1 soc_balance[67] 1.0526315789
 discharge[67] balance[67] 1
 discharge[68] R0000000 1 soc_balance[68] 1.0526315789
 discharge[68] balance[68] 1
 discharge[69] R0000000 1 soc_balance[69] 1.0526315789
 discharge[69] balance[69] 1
 discharge[70] R0000000 1 soc_balance[70] 1.0526315789
 discharge[70] balance[70] 1
 discharge[71] R0000000 1 soc_balance[71] 1.0526315789
 discharge[71] balance[71] 1
 discharge[72] R0000000 1 soc_balance[72] 1.0526315789
 discharge[72] balance[72] 1
 discharge[73] R0000000 1 soc_balance[73] 1.0526315789
 discharge[73] balance[73] 1
 discharge[74] R0000000 1 soc_balance[74] 1.0526315789
 discharge[74] balance[74] 1
 discharge[75] R0000000 1 soc_balance[75] 1.0526315789
 discharge[75] balance[75] 1
 discharge[76] R0000000 1 soc_balance[76] 1.0526315789
 discharge[76] balance[76] 1
 discharge[77] R0000000 1 soc_balance[77] 1.0526315789
 discharge[77] balance[77] 1
 discharge[78] R0000000 1 soc_balance[78] 1.0526315789
 discharge[78] balance[78] 1
 discharge[79] R0000000 1 soc_balance[79] 1.0526315789
 discharge[79] balance[79] 1
 discharge[80] R0000000 1 soc_balance[80] 1.0526315789
 discharge[80] balance[80] 1
 discharge[81] R0000000 1 soc_balance[81] 1.0526315789
 discharge[81] balance[81] 1
 discharge[82] R0000000 1 soc_balance[82] 1.0526315789
 discharge[82] balance[82] 1
 discharge[83] R0000000 1 soc_balance[83] 1.0526315789
 discharge[83] balance[83] 1
 discharge[84] R0000000 1 soc_balance[84] 1.0526315789
 discharge[84] balance[84] 1
 discharge[85] R0000000 1 soc_balance[85] 1.0526315789
 discharge[85] balance[85] 1
 discharge[86] R0000000 1 soc_balance[86] 1.0526315789
 discharge[86] balance[86] 1
 discharge[87] R0000000 1 soc_balance[87] 1.0526315789
 discharge[87] balance[87] 1
 discharge[88] R0000000 1 soc_balance[88] 1.0526315789
 discharge[88] balance[88] 1
 discharge[89] R0000000 1 soc_balance[89] 1.0526315789
 discharge[89] balance[89] 1
 discharge[90] R0000000 1 soc_balance[90] 1.0526315789
 discharge[90] balance[90] 1
 discharge[91] R0000000 1 soc_balance[91] 1.0526315789
 discharge[91] balance[91] 1
 discharge[92] R0000000 1 soc_balance[92] 1.0526315789
 discharge[92] balance[92] 1
 discharge[93] R0000000 1 soc_balance[93] 1.0526315789
 discharge[93] balance[93] 1
 discharge[94] R0000000 1 soc_balance[94] 1.0526315789
 discharge[94] balance[94] 1
 discharge[95] R0000000 1 soc_balance[95] 1.0526315789
 discharge[95] balance[95] 1
 discharge[96] R0000000 1 soc_balance[96] 1.0526315789
 discharge[96] balance[96] 1
 discharge[97] R0000000 1 soc_balance[97] 1.0526315789
 discharge[97] balance[97] 1
 discharge[98] R0000000 1 soc_balance[98] 1.0526315789
 discharge[98] balance[98] 1
 discharge[99] R0000000 1 soc_balance[99] 1.0526315789
 discharge[99] balance[99] 1
 discharge[100] R0000000 1 soc_balance[100] 1.0526315789
 discharge[100] balance[100] 1
 discharge[101] R0000000 1 soc_balance[101] 1.0526315789
 discharge[101] balance[101] 1
 discharge[102] R0000000 1 soc_balance[102] 1.0526315789
 discharge[102] balance[102] 1
 discharge[103] R0000000 1 soc_balance[103] 1.0526315789
 discharge[103] balance[103] 1
 discharge[104] R0000000 1 soc_balance[104] 1.0526315789
 discharge[104] balance[104] 1
 discharge[105] R0000000 1 soc_balance[105] 1.0526315789
 discharge[105] balance[105] 1
 discharge[106] R0000000 1 soc_balance[106] 1.0526315789
 discharge[106] balance[106] 1
 discharge[107] R0000000 1 soc_balance[107] 1.0526315789
 discharge[107] balance[107] 1
 discharge[108] R0000000 1 soc_balance[108] 1.0526315789
 discharge[108] balance[108] 1
 discharge[109] R0000000 1 soc_balance[109] 1.0526315789
 discharge[109] balance[109] 1
 discharge[110] R0000000 1 soc_balance[110] 1.0526315789
 discharge[110] balance[110] 1
 discharge[111] R0000000 1 soc_balance[111] 1.0526315789
 discharge[111] balance[111] 1
 discharge[112] R0000000 1 soc_balance[112] 1.0526315789
 discharge[112] balance[112] 1
 discharge[113] R0000000 1 soc_balance[113] 1.0526315789
 discharge[113] balance[113] 1
 discharge[114] R0000000 1 soc_balance[114] 1.0526315789
 discharge[114] balance[114] 1
 discharge[115] R0000000 1 soc_balance[115] 1.0526315789
 discharge[115] balance[115] 1
 discharge[116] R0000000 1 soc_balance[116] 1.0526315789
 discharge[116] balance[116] 1
 discharge[117] R0000000 1 soc_balance[117] 1.0526315789
 discharge[117] balance[117] 1
 discharge[118] R0000000 1 soc_balance[118] 1.0526315789
 discharge[118] balance[118] 1
 discharge[119] R0000000 1 soc_balance[119] 1.0526315789
 discharge[119] balance[119] 1
 discharge[120] R0000000 1 soc_balance[120] 1.0526315789
 discharge[120] balance[120] 1
 discharge[121] R0000000 1 soc_balance[121] 1.0526315789
 discharge[121] balance[121] 1
 discharge[122] R0000000 1 soc_balance[122] 1.0526315789
 discharge[122] balance[122] 1
 discharge[123] R0000000 1 soc_balance[123] 1.0526315789
 discharge[123] balance[123] 1
 discharge[124] R0000000 1 soc_balance[124] 1.0526315789
 discharge[124] balance[124] 1
 discharge[125] R0000000 1 soc_balance[125] 1.0526315789
 discharge[125] balance[125] 1
 discharge[126] R0000000 1 soc_balance[126] 1.0526315789
 discharge[126] balance[126] 1
 discharge[127] R0000000 1 soc_balance[127] 1.0526315789
 discharge[127] balance[127] 1
 discharge[128] R0000000 1 soc_balance[128] 1.0526315789
 discharge[128] balance[128] 1
 discharge[129] R0000000 1 soc_balance[129] 1.0526315789
 discharge[129] balance[129] 1
 discharge[130] R0000000 1 soc_balance[130] 1.0526315789
 discharge[130] balance[130] 1
 discharge[131] R0000000 1 soc_balance[131] 1.0526315789
 discharge[131] balance[131] 1
 discharge[132] R0000000 1 soc_balance[132] 1.0526315789
 discharge[132] balance[132] 1
 discharge[133] R0000000 1 soc_balance[133] 1.0526315789
 discharge[133] balance[133] 1
 discharge[134] R0000000 1 soc_balance[134] 1.0526315789
 discharge[134] balance[134] 1
 discharge[135] R0000000 1 soc_balance[135] 1.0526315789
 discharge[135] balance[135] 1
 discharge[136] R0000000 1 soc_balance[136] 1.0526315789
 discharge[136] balance[136] 1
 discharge[137] R0000000 1 soc_balance[137] 1.0526315789
 discharge[137] balance[137] 1
 discharge[138] R0000000 1 soc_balance[138] 1.0526315789
 discharge[138] balance[138] 1
 discharge[139] R0000000 1 soc_balance[139] 1.0526315789
 discharge[139] balance[139] 1
 discharge[140] R0000000 1 soc_balance[140] 1.0526315789
 discharge[140] balance[140] 1
 discharge[141] R0000000 1 soc_balance[141] 1.0526315789
 discharge[141] balance[141] 1
 discharge[142] R0000000 1 soc_balance[142] 1.0526315789
 discharge[142] balance[142] 1
 discharge[143] R0000000 1 soc_balance[143] 1.0526315789
 discharge[143] balance[143] 1
 discharge[144] R0000000 1 soc_balance[144] 1.0526315789
 discharge[144] balance[144] 1
 discharge[145] R0000000 1 soc_balance[145] 1.0526315789
 discharge[145] balance[145] 1
 discharge[146] R0000000 1 soc_balance[146] 1.0526315789
 discharge[146] balance[146] 1
 discharge[147] R0000000 1 soc_balance[147] 1.0526315789
 discharge[147] balance[147] 1
 discharge[148] R0000000 1 soc_balance[148] 1.0526315789
 discharge[148] balance[148] 1
 discharge[149] R0000000 1 soc_balance[149] 1.0526315789
 discharge[149] balance[149] 1
 discharge[150] R0000000 1 soc_balance[150] 1.0526315789
 discharge[150] balance[150] 1
 discharge[151] R0000000 1 soc_balance[151] 1.0526315789
 discharge[151] balance[151] 1
 discharge[152] R0000000 1 soc_balance[152] 1.0526315789
 discharge[152] balance[152] 1
 discharge[153] R0000000 1 soc_balance[153] 1.0526315789
 discharge[153] balance[153] 1
 discharge[154] R0000000 1 soc_balance[154] 1.0526315789
 discharge[154] balance[154] 1
 discharge[155] R0000000 1 soc_balance[155] 1.0526315789
 discharge[155] balance[155] 1
 discharge[156] R0000000 1 soc_balance[156] 1.0526315789
 discharge[156] balance[156] 1
 discharge[157] R0000000 1 soc_balance[157] 1.0526315789
 discharge[157] balance[157] 1
 discharge[158] R0000000 1 soc_balance[158] 1.0526315789
 discharge[158] balance[158] 1
 discharge[159] R0000000 1 soc_balance[159] 1.0526315789
 discharge[159] balance[159] 1
 discharge[160] R0000000 1 soc_balance[160] 1.0526315789
 discharge[160] balance[160] 1
 discharge[161] R0000000 1 soc_balance[161] 1.0526315789
 discharge[161] balance[161] 1
 discharge[162] R0000000 1 soc_balance[162] 1.0526315789
 discharge[162] balance[162] 1
 discharge[163] R0000000 1 soc_balance[163] 1.0526315789
 discharge[163] balance[163] 1
 discharge[164] R0000000 1 soc_balance[164] 1.0526315789
 discharge[164] balance[164] 1
 discharge[165] R0000000 1 soc_balance[165] 1.0526315789
 discharge[165] balance[165] 1
 discharge[166] R0000000 1 soc_balance[166] 1.0526315789
 discharge[166] balance[166] 1
 discharge[167] R0000000 1 soc_balance[167] 1.0526315789
 discharge[167] balance[167] 1
 soc[0] soc_balance[1] -1 soc_balance[0] 1
 soc[1] soc_balance[2] -1 soc_balance[1] 1
 soc[2] soc_balance[3] -1 soc_balance[2] 1
 soc[3] soc_balance[4] -1 soc_balance[3] 1
 soc[4] soc_balance[5] -1 soc_balance[4] 1
 soc[5] soc_balance[6] -1 soc_balance[5] 1
 soc[6] soc_balance[7] -1 soc_balance[6] 1
 soc[7] soc_balance[8] -1 soc_balance[7] 1
 soc[8] soc_balance[9] -1 soc_balance[8] 1
 soc[9] soc_balance[10] -1 soc_balance[9] 1
 soc[10] soc_balance[11] -1 soc_balance[10] 1
 soc[11] soc_balance[12] -1 soc_balance[11] 1
 soc[12] soc_balance[13] -1 soc_balance[12] 1
 soc[13] soc_balance[14] -1 soc_balance[13] 1
 soc[14] soc_balance[15] -1 soc_balance[14] 1
 soc[15] soc_balance[16] -1 soc_balance[15] 1
 soc[16] soc_balance[17] -1 soc_balance[16] 1
 soc[17] soc_balance[18] -1 soc_balance[17] 1
 soc[18] soc_balance[19] -1 soc_balance[18] 1
 soc[19] soc_balance[20] -1 soc_balance[19] 1
 soc[20] soc_balance[21] -1 soc_balance[20] 1
 soc[21] soc_balance[22] -1 soc_balance[21] 1
 soc[22] soc_balance[23] -1 soc_balance[22] 1
 soc[23] soc_balance[24] -1 soc_balance[23] 1
 soc[24] soc_balance[25] -1 soc_balance[24] 1
 soc[25] soc_balance[26] -1 soc_balance[25] 1
 soc[26] soc_balance[27] -1 soc_balance[26] 1
 soc[27] soc_balance[28] -1 soc_balance[27] 1
 soc[28] soc_balance[29] -1 soc_balance[28] 1
 soc[29] soc_balance[30] -1 soc_balance[29] 1
 soc[30] soc_balance[31] -1 soc_balance[30] 1
 soc[31] soc_balance[32] -1 soc_balance[31] 1
 soc[32] soc_balance[33] -1 soc_balance[32] 1
 soc[33] soc_balance[34] -1 soc_balance[33] 1
 soc[34] soc_balance[35] -1 soc_balance[34] 1
 soc[35] soc_balance[36] -1 soc_balance[35] 1
 soc[36] soc_balance[37] -1 soc_balance[36] 1
 soc[37] soc_balance[38] -1 soc_balance[37] 1
 soc[38] soc_balance[39] -1 soc_balance[38] 1
 soc[39] soc_balance[40] -1 soc_balance[39] 1
 soc[40] soc_balance[41] -1 soc_balance[40] 1
 soc[41] soc_balance[42] -1 soc_balance[41] 1
 soc[42] soc_balance[43] -1 soc_balance[42] 1
 soc[43] soc_balance[44] -1 soc_balance[43] 1
 soc[44] soc_balance[45] -1 soc_balance[44] 1
 soc[45] soc_balance[46] -1 soc_balance[45] 1
 soc[46] soc_balance[47] -1 soc_balance[46] 1
 soc[47] soc_balance[48] -1 soc_balance[47] 1
 soc[48] soc_balance[49] -1 soc_balance[48] 1
 soc[49] soc_balance[50] -1 soc_balance[49] 1
 soc[50] soc_balance[51] -1 soc_balance[50] 1
 soc[51] soc_balance[52] -1 soc_balance[51] 1
 soc[52] soc_balance[53] -1 soc_balance[52] 1
 soc[53] soc_balance[54] -1 soc_balance[53] 1
 soc[54] soc_balance[55] -1 soc_balance[54] 1
 soc[55] soc_balance[56] -1 soc_balance[55] 1
 soc[56] soc_balance[57] -1 soc_balance[56] 1
 soc[57] soc_balance[58] -1 soc_balance[57] 1
 soc[58] soc_balance[59] -1 soc_balance[58] 1
 soc[59] soc_balance[60] -1 soc_balance[59] 1
 soc[60] soc_balance[61] -1 soc_balance[60] 1
 soc[61] soc_balance[62] -1 soc_balance[61] 1
 soc[62] soc_balance[63] -1 soc_balance[62] 1
 soc[63] soc_balance[64] -1 soc_balance[63] 1
 soc[64] soc_balance[65] -1 soc_balance[64] 1
 soc[65] soc_balance[66] -1 soc_balance[65] 1
 soc[66] soc_balance[67] -1 soc_balance[66] 1
 soc[67] soc_balance[68] -1 soc_balance[67] 1
 soc[68] soc_balance[69] -1 soc_balance[68] 1
 soc[69] soc_balance[70] -1 soc_balance[69] 1
 soc[70] soc_balance[71] -1 soc_balance[70] 1
 soc[71] soc_balance[72] -1 soc_balance[71] 1
 soc[72] soc_balance[73] -1 soc_balance[72] 1
 soc[73] soc_balance[74] -1 soc_balance[73] 1
 soc[74] soc_balance[75] -1 soc_balance[74] 1
 soc[75] soc_balance[76] -1 soc_balance[75] 1
 soc[76] soc_balance[77] -1 soc_balance[76] 1
 soc[77] soc_balance[78] -1 soc_balance[77] 1
 soc[78] soc_balance[79] -1 soc_balance[78] 1
 soc[79] soc_balance[80] -1 soc_balance[79] 1
 soc[80] soc_balance[81] -1 soc_balance[80] 1
 soc[81] soc_balance[82] -1 soc_balance[81] 1
 soc[82] soc_balance[83] -1 soc_balance[82] 1
 soc[83] soc_balance[84] -1 soc_balance[83] 1
 soc[84] soc_balance[85] -1 soc_balance[84] 1
 soc[85] soc_balance[86] -1 soc_balance[85] 1
 soc[86] soc_balance[87] -1 soc_balance[86] 1
 soc[87] soc_balance[88] -1 soc_balance[87] 1
 soc[88] soc_balance[89] -1 soc_balance[88] 1
 soc[89] soc_balance[90] -1 soc_balance[89] 1
 soc[90] soc_balance[91] -1 soc_balance[90] 1
 soc[91] soc_balance[92] -1 soc_balance[91] 1
 soc[92] soc_balance[93] -1 soc_balance[92] 1
 soc[93] soc_balance[94] -1 soc_balance[93] 1
 soc[94] soc_balance[95] -1 soc_balance[94] 1
 soc[95] soc_balance[96] -1 soc_balance[95] 1
 soc[96] soc_balance[97] -1 soc_balance[96] 1
 soc[97] soc_balance[98] -1 soc_balance[97] 1
 soc[98] soc_balance[99] -1 soc_balance[98] 1
 soc[99] soc_balance[100] -1 soc_balance[99] 1
 soc[100] soc_balance[101] -1 soc_balance[100] 1
 soc[101] soc_balance[102] -1 soc_balance[101] 1
 soc[102] soc_balance[103] -1 soc_balance[102] 1
 soc[103] soc_balance[104] -1 soc_balance[103] 1
 soc[104] soc_balance[105] -1 soc_balance[104] 1
 soc[105] soc_balance[106] -1 soc_balance[105] 1
 soc[106] soc_balance[107] -1 soc_balance[106] 1
 soc[107] soc_balance[108] -1 soc_balance[107] 1
 soc[108] soc_balance[109] -1 soc_balance[108] 1
 soc[109] soc_balance[110] -1 soc_balance[109] 1
 soc[110] soc_balance[111] -1 soc_balance[110] 1
 soc[111] soc_balance[112] -1 soc_balance[111] 1
 soc[112] soc_balance[113] -1 soc_balance[112] 1
 soc[113] soc_balance[114] -1 soc_balance[113] 1
 soc[114] soc_balance[115] -1 soc_balance[114] 1
 soc[115] soc_balance[116] -1 soc_balance[115] 1
 soc[116] soc_balance[117] -1 soc_balance[116] 1
 soc[117] soc_balance[118] -1 soc_balance[117] 1
 soc[118] soc_balance[119] -1 soc_balance[118] 1
 soc[119] soc_balance[120] -1 soc_balance[119] 1
 soc[120] soc_balance[121] -1 soc_balance[120] 1
 soc[121] soc_balance[122] -1 soc_balance[121] 1
 soc[122] soc_balance[123] -1 soc_balance[122] 1
 soc[123] soc_balance[124] -1 soc_balance[123] 1
 soc[124] soc_balance[125] -1 soc_balance[124] 1
 soc[125] soc_balance[126] -1 soc_balance[125] 1
 soc[126] soc_balance[127] -1 soc_balance[126] 1
 soc[127] soc_balance[128] -1 soc_balance[127] 1
 soc[128] soc_balance[129] -1 soc_balance[128] 1
 soc[129] soc_balance[130] -1 soc_balance[129] 1
 soc[130] soc_balance[131] -1 soc_balance[130] 1
 soc[131] soc_balance[132] -1 soc_balance[131] 1
 soc[132] soc_balance[133] -1 soc_balance[132] 1
 soc[133] soc_balance[134] -1 soc_balance[133] 1
 soc[134] soc_balance[135] -1 soc_balance[134] 1
 soc[135] soc_balance[136] -1 soc_balance[135] 1
 soc[136] soc_balance[137] -1 soc_balance[136] 1
 soc[137] soc_balance[138] -1 soc_balance[137] 1
 soc[138] soc_balance[139] -1 soc_balance[138] 1
 soc[139] soc_balance[140] -1 soc_balance[139] 1
 soc[140] soc_balance[141] -1 soc_balance[140] 1
 soc[141] soc_balance[142] -1 soc_balance[141] 1
 soc[142] soc_balance[143] -1 soc_balance[142] 1
 soc[143] soc_balance[144] -1 soc_balance[143] 1
 soc[144] soc_balance[145] -1 soc_balance[144] 1
 soc[145] soc_balance[146] -1 soc_balance[145] 1
 soc[146] soc_balance[147] -1 soc_balance[146] 1
 soc[147] soc_balance[148] -1 soc_balance[147] 1
 soc[148] soc_balance[149] -1 soc_balance[148] 1
 soc[149] soc_balance[150] -1 soc_balance[149] 1
 soc[150] soc_balance[151] -1 soc_balance[150] 1
 soc[151] soc_balance[152] -1 soc_balance[151] 1
 soc[152] soc_balance[153] -1 soc_balance[152] 1
 soc[153] soc_balance[154] -1 soc_balance[153] 1
 soc[154] soc_balance[155] -1 soc_balance[154] 1
 soc[155] soc_balance[156] -1 soc_balance[155] 1
 soc[156] soc_balance[157] -1 soc_balance[156] 1
 soc[157] soc_balance[158] -1 soc_balance[157] 1
 soc[158] soc_balance[159] -1 soc_balance[158] 1
 soc[159] soc_balance[160] -1 soc_balance[159] 1
 soc[160] soc_balance[161] -1 soc_balance[160] 1
 soc[161] soc_balance[162] -1 soc_balance[161] 1
 soc[162] soc_balance[163] -1 soc_balance[162] 1
 soc[163] soc_balance[164] -1 soc_balance[163] 1
 soc[164] soc_balance[165] -1 soc_balance[164] 1
 soc[165] soc_balance[166] -1 soc_balance[165] 1
 soc[166] soc_balance[167] -1 soc_balance[166] 1
 soc[167] soc_balance[167] 1
 solar[0] balance[0] 1
 solar[1] balance[1] 1
 solar[2] balance[2] 1
 solar[3] balance[3] 1
 solar[4] balance[4] 1
 solar[5] balance[5] 1
 solar[6] balance[6] 1
 solar[7] balance[7] 1
 solar[8] balance[8] 1
 solar[9] balance[9] 1
 solar[10] balance[10] 1
 solar[11] balance[11] 1
 solar[12] balance[12] 1
 solar[13] balance[13] 1
 solar[14] balance[14] 1
 solar[15] balance[15] 1
 solar[16] balance[16] 1
 solar[17] balance[17] 1
 solar[18] balance[18] 1
 solar[19] balance[19] 1
 solar[20] balance[20] 1
 solar[21] balance[21] 1
 solar[22] balance[22] 1
 solar[23] balance[23] 1
 solar[24] balance[24] 1
 solar[25] balance[25] 1
 solar[26] balance[26] 1
 solar[27] balance[27] 1
 solar[28] balance[28] 1
 solar[29] balance[29] 1
 solar[30] balance[30] 1
 solar[31] balance[31] 1
 solar[32] balance[32] 1
 solar[33] balance[33] 1
 solar[34] balance[34] 1
 solar[35] balance[35] 1
 solar[36] balance[36] 1
 solar[37] balance[37] 1
 solar[38] balance[38] 1
 solar[39] balance[39] 1
 solar[40] balance[40] 1
 solar[41] balance[41] 1
 solar[42] balance[42] 1
 solar[43] balance[43] 1
 solar[44] balance[44] 1
 solar[45] balance[45] 1
 solar[46] balance[46] 1
 solar[47] balance[47] 1
 solar[48] balance[48] 1
 solar[49] balance[49] 1
 solar[50] balance[50] 1
 solar[51] balance[51] 1
 solar[52] balance[52] 1
 solar[53] balance[53] 1
 solar[54] balance[54] 1
 solar[55] balance[55] 1
 solar[56] balance[56] 1
 solar[57] balance[57] 1
 solar[58] balance[58] 1
 solar[59] balance[59] 1
 solar[60] balance[60] 1
 solar[61] balance[61] 1
 solar[62] balance[62] 1
 solar[63] balance[63] 1
 solar[64] balance[64] 1
 solar[65] balance[65] 1
 solar[66] balance[66] 1
 solar[67] balance[67] 1
 solar[68] balance[68] 1
 solar[69] balance[69] 1
 solar[70] balance[70] 1
 solar[71] balance[71] 1
 solar[72] balance[72] 1
 solar[73] balance[73] 1
 solar[74] balance[74] 1
 solar[75] balance[75] 1
 solar[76] balance[76] 1
 solar[77] balance[77] 1
 solar[78] balance[78] 1
 solar[79] balance[79] 1
 solar[80] balance[80] 1
 solar[81] balance[81] 1
 solar[82] balance[82] 1
 solar[83] balance[83] 1
 solar[84] balance[84] 1
 solar[85] balance[85] 1
 solar[86] balance[86] 1
 solar[87] balance[87] 1
 solar[88] balance[88] 1
 solar[89] balance[89] 1
 solar[90] balance[90] 1
 solar[91] balance[91] 1
 solar[92] balance[92] 1
 solar[93] balance[93] 1
 solar[94] balance[94] 1
 solar[95] balance[95] 1
 solar[96] balance[96] 1
 solar[97] balance[97] 1
 solar[98] balance[98] 1
 solar[99] balance[99] 1
 solar[100] balance[100] 1
 solar[101] balance[101] 1
 solar[102] balance[102] 1
 solar[103] balance[103] 1
 solar[104] balance[104] 1
 solar[105] balance[105] 1
 solar[106] balance[106] 1
 solar[107] balance[107] 1
 solar[108] balance[108] 1
 solar[109] balance[109] 1
 solar[110] balance[110] 1
 solar[111] balance[111] 1
 solar[112] balance[112] 1
 solar[113] balance[113] 1
 solar[114] balance[114] 1
 solar[115] balance[115] 1
 solar[116] balance[116] 1
 solar[117] balance[117] 1
 solar[118] balance[118] 1
 solar[119] balance[119] 1
 solar[120] balance[120] 1
 solar[121] balance[121] 1
 solar[122] balance[122] 1
 solar[123] balance[123] 1
 solar[124] balance[124] 1
 solar[125] balance[125] 1
 solar[126] balance[126] 1
 solar[127] balance[127] 1
 solar[128] balance[128] 1
 solar[129] balance[129] 1
 solar[130] balance[130] 1
 solar[131] balance[131] 1
 solar[132] balance[132] 1
 solar[133] balance[133] 1
 solar[134] balance[134] 1
 solar[135] balance[135] 1
 solar[136] balance[136] 1
 solar[137] balance[137] 1
 solar[138] balance[138] 1
 solar[139] balance[139] 1
 solar[140] balance[140] 1
 solar[141] balance[141] 1
 solar[142] balance[142] 1
 solar[143] balance[143] 1
 solar[144] balance[144] 1
 solar[145] balance[145] 1
 solar[146] balance[146] 1
 solar[147] balance[147] 1
 solar[148] balance[148] 1
 solar[149] balance[149] 1
 solar[150] balance[150] 1
 solar[151] balance[151] 1
 solar[152] balance[152] 1
 solar[153] balance[153] 1
 solar[154] balance[154] 1
 solar[155] balance[155] 1
 solar[156] balance[156] 1
 solar[157] balance[157] 1
 solar[158] balance[158] 1
 solar[159] balance[159] 1
 solar[160] balance[160] 1
 solar[161] balance[161] 1
 solar[162] balance[162] 1
 solar[163] balance[163] 1
 solar[164] balance[164] 1
 solar[165] balance[165] 1
 solar[166] balance[166] 1
 solar[167] balance[167] 1
 training[0] training_energy 1 balance[0] -1
 training[1] training_energy 1 balance[1] -1
 training[2] training_energy 1 balance[2] -1
 training[3] training_energy 1 balance[3] -1
 training[4] training_energy 1 balance[4] -1
 training[5] training_energy 1 balance[5] -1
 training[6] training_energy 1 balance[6] -1
 training[7] training_energy 1 balance[7] -1
 training[8] training_energy 1 balance[8] -1
 training[9] training_energy 1 balance[9] -1
 training[10] training_energy 1 balance[10] -1
 training[11] training_energy 1 balance[11] -1
 training[12] training_energy 1 balance[12] -1
 training[13] training_energy 1 balance[13] -1
 training[14] training_energy 1 balance[14] -1
 training[15] training_energy 1 balance[15] -1
 training[16] training_energy 1 balance[16] -1
 training[17] training_energy 1 balance[17] -1
 training[18] training_energy 1 balance[18] -1
 training[19] training_energy 1 balance[19] -1
 training[20] training_energy 1 balance[20] -1
 training[21] training_energy 1 balance[21] -1
 training[22] training_energy 1 balance[22] -1
 training[23] training_energy 1 balance[23] -1
 training[24] training_energy 1 balance[24] -1
 training[25] training_energy 1 balance[25] -1
 training[26] training_energy 1 balance[26] -1
 training[27] training_energy 1 balance[27] -1
 training[28] training_energy 1 balance[28] -1
 training[29] training_energy 1 balance[29] -1
 training[30] training_energy 1 balance[30] -1
 training[31] training_energy 1 balance[31] -1
 training[32] training_energy 1 balance[32] -1
 training[33] training_energy 1 balance[33] -1
 training[34] training_energy 1 balance[34] -1
 training[35] training_energy 1 balance[35] -1
 training[36] training_energy 1 balance[36] -1
 training[37] training_energy 1 balance[37] -1
 training[38] training_energy 1 balance[38] -1
 training[39] training_energy 1 balance[39] -1
 training[40] training_energy 1 balance[40] -1
 training[41] training_energy 1 balance[41] -1
 training[42] training_energy 1 balance[42] -1
 training[43] training_energy 1 balance[43] -1
 training[44] training_energy 1 balance[44] -1
 training[45] training_energy 1 balance[45] -1
 training[46] training_energy 1 balance[46] -1
 training[47] training_energy 1 balance[47] -1
 training[48] training_energy 1 balance[48] -1
 training[49] training_energy 1 balance[49] -1
 training[50] training_energy 1 balance[50] -1
 training[51] training_energy 1 balance[51] -1
 training[52] training_energy 1 balance[52] -1
 training[53] training_energy 1 balance[53] -1
 training[54] training_energy 1 balance[54] -1
 training[55] training_energy 1 balance[55] -1
 training[56] training_energy 1 balance[56] -1
 training[57] training_energy 1 balance[57] -1
 training[58] training_energy 1 balance[58] -1
 training[59] training_energy 1 balance[59] -1
 training[60] training_energy 1 balance[60] -1
 training[61] training_energy 1 balance[61] -1
 training[62] training_energy 1 balance[62] -1
 training[63] training_energy 1 balance[63] -1
 training[64] training_energy 1 balance[64] -1
 training[65] training_energy 1 balance[65] -1
 training[66] training_energy 1 balance[66] -1
 training[67] training_energy 1 balance[67] -1
 training[68] training_energy 1 balance[68] -1
 training[69] training_energy 1 balance[69] -1
 training[70] training_energy 1 balance[70] -1
 training[71] training_energy 1 balance[71] -1
 training[72] training_energy 1 balance[72] -1
 training[73] training_energy 1 balance[73] -1
 training[74] training_energy 1 balance[74] -1
 training[75] training_energy 1 balance[75] -1
 training[76] training_energy 1 balance[76] -1
 training[77] training_energy 1 balance[77] -1
 training[78] training_energy 1 balance[78] -1
 training[79] training_energy 1 balance[79] -1
 training[80] training_energy 1 balance[80] -1
 training[81] training_energy 1 balance[81] -1
 training[82] training_energy 1 balance[82] -1
 training[83] training_energy 1 balance[83] -1
 training[84] training_energy 1 balance[84] -1
 training[85] training_energy 1 balance[85] -1
 training[86] training_energy 1 balance[86] -1
 training[87] training_energy 1 balance[87] -1
 training[88] training_energy 1 balance[88] -1
 training[89] training_energy 1 balance[89] -1
 training[90] training_energy 1 balance[90] -1
 training[91] training_energy 1 balance[91] -1
 training[92] training_energy 1 balance[92] -1
 training[93] training_energy 1 balance[93] -1
 training[94] training_energy 1 balance[94] -1
 training[95] training_energy 1 balance[95] -1
 training[96] training_energy 1 balance[96] -1
 training[97] training_energy 1 balance[97] -1
 training[98] training_energy 1 balance[98] -1
 training[99] training_energy 1 balance[99] -1
 training[100] training_energy 1 balance[100] -1
 training[101] training_energy 1 balance[101] -1
 training[102] training_energy 1 balance[102] -1
 training[103] training_energy 1 balance[103] -1
 training[104] training_energy 1 balance[104] -1
 training[105] training_energy 1 balance[105] -1
 training[106] training_energy 1 balance[106] -1
 training[107] training_energy 1 balance[107] -1
 training[108] training_energy 1 balance[108] -1
 training[109] training_energy 1 balance[109] -1
 training[110] training_energy 1 balance[110] -1
 training[111] training_energy 1 balance[111] -1
 training[112] training_energy 1 balance[112] -1
 training[113] training_energy 1 balance[113] -1
 training[114] training_energy 1 balance[114] -1
 training[115] training_energy 1 balance[115] -1
 training[116] training_energy 1 balance[116] -1
 training[117] training_energy 1 balance[117] -1
 training[118] training_energy 1 balance[118] -1
 training[119] training_energy 1 balance[119] -1
 training[120] training_energy 1 balance[120] -1
 training[121] training_energy 1 balance[121] -1
 training[122] training_energy 1 balance[122] -1
 training[123] training_energy 1 balance[123] -1
 training[124] training_energy 1 balance[124] -1
 training[125] training_energy 1 balance[125] -1
 training[126] training_energy 1 balance[126] -1
 training[127] training_energy 1 balance[127] -1
 training[128] training_energy 1 balance[128] -1
 training[129] training_energy 1 balance[129] -1
 training[130] training_energy 1 balance[130] -1
 training[131] training_energy 1 balance[131] -1
 training[132] training_energy 1 balance[132] -1
 training[133] training_energy 1 balance[133] -1
 training[134] training_energy 1 balance[134] -1
 training[135] training_energy 1 balance[135] -1
 training[136] training_energy 1 balance[136] -1
 training[137] training_energy 1 balance[137] -1
 training[138] training_energy 1 balance[138] -1
 training[139] training_energy 1 balance[139] -1
 training[140] training_energy 1 balance[140] -1
 training[141] training_energy 1 balance[141] -1
 training[142] training_energy 1 balance[142] -1
 training[143] training_energy 1 balance[143] -1
 training[144] training_energy 1 balance[144] -1
 training[145] training_energy 1 balance[145] -1
 training[146] training_energy 1 balance[146] -1
 training[147] training_energy 1 balance[147] -1
 training[148] training_energy 1 balance[148] -1
 training[149] training_energy 1 balance[149] -1
 training[150] training_energy 1 balance[150] -1
 training[151] training_energy 1 balance[151] -1
 training[152] training_energy 1 balance[152] -1
 training[153] training_energy 1 balance[153] -1
 training[154] training_energy 1 balance[154] -1
 training[155] training_energy 1 balance[155] -1
 training[156] training_energy 1 balance[156] -1
 training[157] training_energy 1 balance[157] -1
 training[158] training_energy 1 balance[158] -1
 training[159] training_energy 1 balance[159] -1
 training[160] training_energy 1 balance[160] -1
 training[161] training_energy 1 balance[161] -1
 training[162] training_energy 1 balance[162] -1
 training[163] training_energy 1 balance[163] -1
 training[164] training_energy 1 balance[164] -1
 training[165] training_energy 1 balance[165] -1
 training[166] training_energy 1 balance[166] -1
 training[167] training_energy 1 balance[167] -1
 shed[0] R0000000 10000 balance[0] 1
 shed[1] R0000000 10000 balance[1] 1
 shed[2] R0000000 10000 balance[2] 1
 shed[3] R0000000 10000 balance[3] 1
 shed[4] R0000000 10000 balance[4] 1
 shed[5] R0000000 10000 balance[5] 1
 shed[6] R0000000 10000 balance[6] 1
 shed[7] R0000000 10000 balance[7] 1
 shed[8] R0000000 10000 balance[8] 1
 shed[9] R0000000 10000 balance[9] 1
 shed[10] R0000000 10000 balance[10] 1
 shed[11] R0000000 10000 balance[11] 1
 shed[12] R0000000 10000 balance[12] 1
 shed[13] R0000000 10000 balance[13] 1
 shed[14] R0000000 10000 balance[14] 1
 shed[15] R0000000 10000 balance[15] 1
 shed[16] R0000000 10000 balance[16] 1
 shed[17] R0000000 10000 balance[17] 1
 shed[18] R0000000 10000 balance[18] 1
 shed[19] R0000000 10000 balance[19] 1
 shed[20] R0000000 10000 balance[20] 1
 shed[21] R0000000 10000 balance[21] 1
 shed[22] R0000000 10000 balance[22] 1
 shed[23] R0000000 10000 balance[23] 1
 shed[24] R0000000 10000 balance[24] 1
 shed[25] R0000000 10000 balance[25] 1
 shed[26] R0000000 10000 balance[26] 1
 shed[27] R0000000 10000 balance[27] 1
 shed[28] R0000000 10000 balance[28] 1
 shed[29] R0000000 10000 balance[29] 1
 shed[30] R0000000 10000 balance[30] 1
 shed[31] R0000000 10000 balance[31] 1
 shed[32] R0000000 10000 balance[32] 1
 shed[33] R0000000 10000 balance[33] 1
 shed[34] R0000000 10000 balance[34] 1
 shed[35] R0000000 10000 balance[35] 1
 shed[36] R0000000 10000 balance[36] 1
 shed[37] R0000000 10000 balance[37] 1
 shed[38] R0000000 10000 balance[38] 1
 shed[39] R0000000 10000 balance[39] 1
 shed[40] R0000000 10000 balance[40] 1
 shed[41] R0000000 10000 balance[41] 1
 shed[42] R0000000 10000 balance[42] 1
 shed[43] R0000000 10000 balance[43] 1
 shed[44] R0000000 10000 balance[44] 1
 shed[45] R0000000 10000 balance[45] 1
 shed[46] R0000000 10000 balance[46] 1
 shed[47] R0000000 10000 balance[47] 1
 shed[48] R0000000 10000 balance[48] 1
 shed[49] R0000000 10000 balance[49] 1
 shed[50] R0000000 10000 balance[50] 1
 shed[51] R0000000 10000 balance[51] 1
 shed[52] R0000000 10000 balance[52] 1
 shed[53] R0000000 10000 balance[53] 1
 shed[54] R0000000 10000 balance[54] 1
 shed[55] R0000000 10000 balance[55] 1
 shed[56] R0000000 10000 balance[56] 1
 shed[57] R0000000 10000 balance[57] 1
 shed[58] R0000000 10000 balance[58] 1
 shed[59] R0000000 10000 balance[59] 1
 shed[60] R0000000 10000 balance[60] 1
 shed[61] R0000000 10000 balance[61] 1
 shed[62] R0000000 10000 balance[62] 1
 shed[63] R0000000 10000 balance[63] 1
 shed[64] R0000000 10000 balance[64] 1
 shed[65] R0000000 10000 balance[65] 1
 shed[66] R0000000 10000 balance[66] 1
 shed[67] R0000000 10000 balance[67] 1
 shed[68] R0000000 10000 balance[68] 1
 shed[69] R0000000 10000 balance[69] 1
 shed[70] R0000000 10000 balance[70] 1
 shed[71] R0000000 10000 balance[71] 1
 shed[72] R0000000 10000 balance[72] 1
 shed[73] R0000000 10000 balance[73] 1
 shed[74] R0000000 10000 balance[74] 1
 shed[75] R0000000 10000 balance[75] 1
 shed[76] R0000000 10000 balance[76] 1
 shed[77] R0000000 10000 balance[77] 1
 shed[78] R0000000 10000 balance[78] 1
 shed[79] R0000000 10000 balance[79] 1
 shed[80] R0000000 10000 balance[80] 1
 shed[81] R0000000 10000 balance[81] 1
 shed[82] R0000000 10000 balance[82] 1
 shed[83] R0000000 10000 balance[83] 1
 shed[84] R0000000 10000 balance[84] 1
 shed[85] R0000000 10000 balance[85] 1
 shed[86] R0000000 10000 balance[86] 1
 shed[87] R0000000 10000 balance[87] 1
 shed[88] R0000000 10000 balance[88] 1
 shed[89] R0000000 10000 balance[89] 1
 shed[90] R0000000 10000 balance[90] 1
 shed[91] R0000000 10000 balance[91] 1
 shed[92] R0000000 10000 balance[92] 1
 shed[93] R0000000 10000 balance[93] 1
 shed[94] R0000000 10000 balance[94] 1
 shed[95] R0000000 10000 balance[95] 1
 shed[96] R0000000 10000 balance[96] 1
 shed[97] R0000000 10000 balance[97] 1
 shed[98] R0000000 10000 balance[98] 1
 shed[99] R0000000 10000 balance[99] 1
 shed[100] R0000000 10000 balance[100] 1
 shed[101] R0000000 10000 balance[101] 1
 shed[102] R0000000 10000 balance[102] 1
 shed[103] R0000000 10000 balance[103] 1
 shed[104] R0000000 10000 balance[104] 1
 shed[105] R0000000 10000 balance[105] 1
 shed[106] R0000000 10000 balance[106] 1
 shed[107] R0000000 10000 balance[107] 1
 shed[108] R0000000 10000 balance[108] 1
 shed[109] R0000000 10000 balance[109] 1
 shed[110] R0000000 10000 balance[110] 1
 shed[111] R0000000 10000 balance[111] 1
 shed[112] R0000000 10000 balance[112] 1
 shed[113] R0000000 10000 balance[113] 1
 shed[114] R0000000 10000 balance[114] 1
 shed[115] R0000000 10000 balance[115] 1
 shed[116] R0000000 10000 balance[116] 1
 shed[117] R0000000 10000 balance[117] 1
 shed[118] R0000000 10000 balance[118] 1
 shed[119] R0000000 10000 balance[119] 1
 shed[120] R0000000 10000 balance[120] 1
 shed[121] R0000000 10000 balance[121] 1
 shed[122] R0000000 10000 balance[122] 1
 shed[123] R0000000 10000 balance[123] 1
 shed[124] R0000000 10000 balance[124] 1
 shed[125] R0000000 10000 balance[125] 1
 shed[126] R0000000 10000 balance[126] 1
 shed[127] R0000000 10000 balance[127] 1
 shed[128] R0000000 10000 balance[128] 1
 shed[129] R0000000 10000 balance[129] 1
 shed[130] R0000000 10000 balance[130] 1
 shed[131] R0000000 10000 balance[131] 1
 shed[132] R0000000 10000 balance[132] 1
 shed[133] R0000000 10000 balance[133] 1
 shed[134] R0000000 10000 balance[134] 1
 shed[135] R0000000 10000 balance[135] 1
 shed[136] R0000000 10000 balance[136] 1
 shed[137] R0000000 10000 balance[137] 1
 shed[138] R0000000 10000 balance[138] 1
 shed[139] R0000000 10000 balance[139] 1
 shed[140] R0000000 10000 balance[140] 1
 shed[141] R0000000 10000 balance[141] 1
 shed[142] R0000000 10000 balance[142] 1
 shed[143] R0000000 10000 balance[143] 1
 shed[144] R0000000 10000 balance[144] 1
 shed[145] R0000000 10000 balance[145] 1
 shed[146] R0000000 10000 balance[146] 1
 shed[147] R0000000 10000 balance[147] 1
 shed[148] R0000000 10000 balance[148] 1
 shed[149] R0000000 10000 balance[149] 1
 shed[150] R0000000 10000 balance[150] 1
 shed[151] R0000000 10000 balance[151] 1
 shed[152] R0000000 10000 balance[152] 1
 shed[153] R0000000 10000 balance[153] 1
 shed[154] R0000000 10000 balance[154] 1
 shed[155] R0000000 10000 balance[155] 1
 shed[156] R0000000 10000 balance[156] 1
 shed[157] R0000000 10000 balance[157] 1
 shed[158] R0000000 10000 balance[158] 1
 shed[159] R0000000 10000 balance[159] 1
 shed[160] R0000000 10000 balance[160] 1
 shed[161] R0000000 10000 balance[161] 1
 shed[162] R0000000 10000 balance[162] 1
 shed[163] R0000000 10000 balance[163] 1
 shed[164] R0000000 10000 balance[164] 1
 shed[165] R0000000 10000 balance[165] 1
 shed[166] R0000000 10000 balance[166] 1
 shed[167] R0000000 10000 balance[167] 1
RHS
 RHS1 balance[0] 68.786796564 balance[1] 64.019237886
 RHS1 balance[2] 61.022225211 balance[3] 60
 RHS1 balance[4] 61.022225211 balance[5] 64.019237886
 RHS1 balance[6] 68.786796564 balance[7] 75
 RHS1 balance[8] 82.235428647 balance[9] 90
 RHS1 balance[10] 97.764571353 balance[11] 105
 RHS1 balance[12] 111.21320344 balance[13] 115.98076211
 RHS1 balance[14] 118.97777479 balance[15] 120
 RHS1 balance[16] 118.97777479 balance[17] 115.98076211
 RHS1 balance[18] 111.21320344 balance[19] 105
 RHS1 balance[20] 97.764571353 balance[21] 90
 RHS1 balance[22] 82.235428647 balance[23] 75
 RHS1 balance[24] 68.786796564 balance[25] 64.019237886
 RHS1 balance[26] 61.022225211 balance[27] 60
 RHS1 balance[28] 61.022225211 balance[29] 64.019237886
 RHS1 balance[30] 68.786796564 balance[31] 75
 RHS1 balance[32] 82.235428647 balance[33] 90
 RHS1 balance[34] 97.764571353 balance[35] 105
 RHS1 balance[36] 111.21320344 balance[37] 115.98076211
 RHS1 balance[38] 118.97777479 balance[39] 120
 RHS1 balance[40] 118.97777479 balance[41] 115.98076211
 RHS1 balance[42] 111.21320344 balance[43] 105
 RHS1 balance[44] 97.764571353 balance[45] 90
 RHS1 balance[46] 82.235428647 balance[47] 75
 RHS1 balance[48] 68.786796564 balance[49] 64.019237886
 RHS1 balance[50] 61.022225211 balance[51] 60
 RHS1 balance[52] 61.022225211 balance[53] 64.019237886
 RHS1 balance[54] 68.786796564 balance[55] 75
 RHS1 balance[56] 82.235428647 balance[57] 90
 RHS1 balance[58] 97.764571353 balance[59] 105
 RHS1 balance[60] 111.21320344 balance[61] 115.98076211
 RHS1 balance[62] 118.97777479 balance[63] 120
 RHS1 balance[64] 118.97777479 balance[65] 115.98076211
 RHS1 balance[66] 111.21320344 balance[67] 105
 RHS1 balance[68] 97.764571353 balance[69] 90
 RHS1 balance[70] 82.235428647 balance[71] 75
 RHS1 balance[72] 68.786796564 balance[73] 64.019237886
 RHS1 balance[74] 61.022225211 balance[75] 60
 RHS1 balance[76] 61.022225211 balance[77] 64.019237886
 RHS1 balance[78] 68.786796564 balance[79] 75
 RHS1 balance[80] 82.235428647 balance[81] 90
 RHS1 balance[82] 97.764571353 balance[83] 105
 RHS1 balance[84] 111.21320344 balance[85] 115.98076211
 RHS1 balance[86] 118.97777479 balance[87] 120
 RHS1 balance[88] 118.97777479 balance[89] 115.98076211
 RHS1 balance[90] 111.21320344 balance[91] 105
 RHS1 balance[92] 97.764571353 balance[93] 90
 RHS1 balance[94] 82.235428647 balance[95] 75
 RHS1 balance[96] 68.786796564 balance[97] 64.019237886
 RHS1 balance[98] 61.022225211 balance[99] 60
 RHS1 balance[100] 61.022225211 balance[101] 64.019237886
 RHS1 balance[102] 68.786796564 balance[103] 75
 RHS1 balance[104] 82.235428647 balance[105] 90
 RHS1 balance[106] 97.764571353 balance[107] 105
 RHS1 balance[108] 111.21320344 balance[109] 115.98076211
 RHS1 balance[110] 118.97777479 balance[111] 120
 RHS1 balance[112] 118.97777479 balance[113] 115.98076211
 RHS1 balance[114] 111.21320344 balance[115] 105
 RHS1 balance[116] 97.764571353 balance[117] 90
 RHS1 balance[118] 82.235428647 balance[119] 75
 RHS1 balance[120] 68.786796564 balance[121] 64.019237886
 RHS1 balance[122] 61.022225211 balance[123] 60
 RHS1 balance[124] 61.022225211 balance[125] 64.019237886
 RHS1 balance[126] 68.786796564 balance[127] 75
 RHS1 balance[128] 82.235428647 balance[129] 90
 RHS1 balance[130] 97.764571353 balance[131] 105
 RHS1 balance[132] 111.21320344 balance[133] 115.98076211
 RHS1 balance[134] 118.97777479 balance[135] 120
 RHS1 balance[136] 118.97777479 balance[137] 115.98076211
 RHS1 balance[138] 111.21320344 balance[139] 105
 RHS1 balance[140] 97.764571353 balance[141] 90
 RHS1 balance[142] 82.235428647 balance[143] 75
 RHS1 balance[144] 68.786796564 balance[145] 64.019237886
 RHS1 balance[146] 61.022225211 balance[147] 60
 RHS1 balance[148] 61.022225211 balance[149] 64.019237886
 RHS1 balance[150] 68.786796564 balance[151] 75
 RHS1 balance[152] 82.235428647 balance[153] 90
 RHS1 balance[154] 97.764571353 balance[155] 105
 RHS1 balance[156] 111.21320344 balance[157] 115.98076211
 RHS1 balance[158] 118.97777479 balance[159] 120
 RHS1 balance[160] 118.97777479 balance[161] 115.98076211
 RHS1 balance[162] 111.21320344 balance[163] 105
 RHS1 balance[164] 97.764571353 balance[165] 90
 RHS1 balance[166] 82.235428647 balance[167] 75
 RHS1 soc_balance[0] 200 ramp_up[0] 308
 RHS1 ramp_up[1] 60 ramp_up[2] 60
 RHS1 ramp_up[3] 60 ramp_up[4] 60
 RHS1 ramp_up[5] 60 ramp_up[6] 60
 RHS1 ramp_up[7] 60 ramp_up[8] 60
 RHS1 ramp_up[9] 60 ramp_up[10] 60
 RHS1 ramp_up[11] 60 ramp_up[12] 60
 RHS1 ramp_up[13] 60 ramp_up[14] 60
 RHS1 ramp_up[15] 60 ramp_up[16] 60
 RHS1 ramp_up[17] 60 ramp_up[18] 60
 RHS1 ramp_up[19] 60 ramp_up[20] 60
 RHS1 ramp_up[21] 60 ramp_up[22] 60
 RHS1 ramp_up[23] 60 ramp_up[24] 60
 RHS1 ramp_up[25] 60 ramp_up[26] 60
 RHS1 ramp_up[27] 60 ramp_up[28] 60
 RHS1 ramp_up[29] 60 ramp_up[30] 60
 RHS1 ramp_up[31] 60 ramp_up[32] 60
 RHS1 ramp_up[33] 60 ramp_up[34] 60
 RHS1 ramp_up[35] 60 ramp_up[36] 60
 RHS1 ramp_up[37] 60 ramp_up[38] 60
 RHS1 ramp_up[39] 60 ramp_up[40] 60
 RHS1 ramp_up[41] 60 ramp_up[42] 60
 RHS1 ramp_up[43] 60 ramp_up[44] 60
 RHS1 ramp_up[45] 60 ramp_up[46] 60
 RHS1 ramp_up[47] 60 ramp_up[48] 60
 RHS1 ramp_up[49] 60 ramp_up[50] 60
 RHS1 ramp_up[51] 60 ramp_up[52] 60
 RHS1 ramp_up[53] 60 ramp_up[54] 60
 RHS1 ramp_up[55] 60 ramp_up[56] 60
 RHS1 ramp_up[57] 60 ramp_up[58] 60
 RHS1 ramp_up[59] 60 ramp_up[60] 60
 RHS1 ramp_up[61] 60 ramp_up[62] 60
 RHS1 ramp_up[63] 60 ramp_up[64] 60
 RHS1 ramp_up[65] 60 ramp_up[66] 60
 RHS1 ramp_up[67] 60 ramp_up[68] 60
 RHS1 ramp_up[69] 60 ramp_up[70] 60
 RHS1 ramp_up[71] 60 ramp_up[72] 60
 RHS1 ramp_up[73] 60 ramp_up[74] 60
 RHS1 ramp_up[75] 60 ramp_up[76] 60
 RHS1 ramp_up[77] 60 ramp_up[78] 60
 RHS1 ramp_up[79] 60 ramp_up[80] 60
 RHS1 ramp_up[81] 60 ramp_up[82] 60
 RHS1 ramp_up[83] 60 ramp_up[84] 60
 RHS1 ramp_up[85] 60 ramp_up[86] 60
 RHS1 ramp_up[87] 60 ramp_up[88] 60
 RHS1 ramp_up[89] 60 ramp_up[90] 60
 RHS1 ramp_up[91] 60 ramp_up[92] 60
 RHS1 ramp_up[93] 60 ramp_up[94] 60
 RHS1 ramp_up[95] 60 ramp_up[96] 60
 RHS1 ramp_up[97] 60 ramp_up[98] 60
 RHS1 ramp_up[99] 60 ramp_up[100] 60
 RHS1 ramp_up[101] 60 ramp_up[102] 60
 RHS1 ramp_up[103] 60 ramp_up[104] 60
 RHS1 ramp_up[105] 60 ramp_up[106] 60
 RHS1 ramp_up[107] 60 ramp_up[108] 60
 RHS1 ramp_up[109] 60 ramp_up[110] 60
 RHS1 ramp_up[111] 60 ramp_up[112] 60
 RHS1 ramp_up[113] 60 ramp_up[114] 60
 RHS1 ramp_up[115] 60 ramp_up[116] 60
 RHS1 ramp_up[117] 60 ramp_up[118] 60
 RHS1 ramp_up[119] 60 ramp_up[120] 60
 RHS1 ramp_up[121] 60 ramp_up[122] 60
 RHS1 ramp_up[123] 60 ramp_up[124] 60
 RHS1 ramp_up[125] 60 ramp_up[126] 60
 RHS1 ramp_up[127] 60 ramp_up[128] 60
 RHS1 ramp_up[129] 60 ramp_up[130] 60
 RHS1 ramp_up[131] 60 ramp_up[132] 60
 RHS1 ramp_up[133] 60 ramp_up[134] 60
 RHS1 ramp_up[135] 60 ramp_up[136] 60
 RHS1 ramp_up[137] 60 ramp_up[138] 60
 RHS1 ramp_up[139] 60 ramp_up[140] 60
 RHS1 ramp_up[141] 60 ramp_up[142] 60
 RHS1 ramp_up[143] 60 ramp_up[144] 60
 RHS1 ramp_up[145] 60 ramp_up[146] 60
 RHS1 ramp_up[147] 60 ramp_up[148] 60
 RHS1 ramp_up[149] 60 ramp_up[150] 60
 RHS1 ramp_up[151] 60 ramp_up[152] 60
 RHS1 ramp_up[153] 60 ramp_up[154] 60
 RHS1 ramp_up[155] 60 ramp_up[156] 60
 RHS1 ramp_up[157] 60 ramp_up[158] 60
 RHS1 ramp_up[159] 60 ramp_up[160] 60
 RHS1 ramp_up[161] 60 ramp_up[162] 60
 RHS1 ramp_up[163] 60 ramp_up[164] 60
 RHS1 ramp_up[165] 60 ramp_up[166] 60
 RHS1 ramp_up[167] 60 ramp_down[0] 308
 RHS1 ramp_down[1] 60 ramp_down[2] 60
 RHS1 ramp_down[3] 60 ramp_down[4] 60
 RHS1 ramp_down[5] 60 ramp_down[6] 60
 RHS1 ramp_down[7] 60 ramp_down[8] 60
 RHS1 ramp_down[9] 60 ramp_down[10] 60
 RHS1 ramp_down[11] 60 ramp_down[12] 60
 RHS1 ramp_down[13] 60 ramp_down[14] 60
 RHS1 ramp_down[15] 60 ramp_down[16] 60
 RHS1 ramp_down[17] 60 ramp_down[18] 60
 RHS1 ramp_down[19] 60 ramp_down[20] 60
 RHS1 ramp_down[21] 60 ramp_down[22] 60
 RHS1 ramp_down[23] 60 ramp_down[24] 60
 RHS1 ramp_down[25] 60 ramp_down[26] 60
 RHS1 ramp_down[27] 60 ramp_down[28] 60
 RHS1 ramp_down[29] 60 ramp_down[30] 60
 RHS1 ramp_down[31] 60 ramp_down[32] 60
 RHS1 ramp_down[33] 60 ramp_down[34] 60
 RHS1 ramp_down[35] 60 ramp_down[36] 60
 RHS1 ramp_down[37] 60 ramp_down[38] 60
 RHS1 ramp_down[39] 60 ramp_down[40] 60
 RHS1 ramp_down[41] 60 ramp_down[42] 60
 RHS1 ramp_down[43] 60 ramp_down[44] 60
 RHS1 ramp_down[45] 60 ramp_down[46] 60
 RHS1 ramp_down[47] 60 ramp_down[48] 60
 RHS1 ramp_down[49] 60 ramp_down[50] 60
 RHS1 ramp_down[51] 60 ramp_down[52] 60
 RHS1 ramp_down[53] 60 ramp_down[54] 60
 RHS1 ramp_down[55] 60 ramp_down[56] 60
 RHS1 ramp_down[57] 60 ramp_down[58] 60
 RHS1 ramp_down[59] 60 ramp_down[60] 60
 RHS1 ramp_down[61] 60 ramp_down[62] 60
 RHS1 ramp_down[63] 60 ramp_down[64] 60
 RHS1 ramp_down[65] 60 ramp_down[66] 60
 RHS1 ramp_down[67] 60 ramp_down[68] 60
 RHS1 ramp_down[69] 60 ramp_down[70] 60
 RHS1 ramp_down[71] 60 ramp_down[72] 60
 RHS1 ramp_down[73] 60 ramp_down[74] 60
 RHS1 ramp_down[75] 60 ramp_down[76] 60
 RHS1 ramp_down[77] 60 ramp_down[78] 60
 RHS1 ramp_down[79] 60 ramp_down[80] 60
 RHS1 ramp_down[81] 60 ramp_down[82] 60
 RHS1 ramp_down[83] 60 ramp_down[84] 60
 RHS1 ramp_down[85] 60 ramp_down[86] 60
 RHS1 ramp_down[87] 60 ramp_down[88] 60
 RHS1 ramp_down[89] 60 ramp_down[90] 60
 RHS1 ramp_down[91] 60 ramp_down[92] 60
 RHS1 ramp_down[93] 60 ramp_down[94] 60
 RHS1 ramp_down[95] 60 ramp_down[96] 60
 RHS1 ramp_down[97] 60 ramp_down[98] 60
 RHS1 ramp_down[99] 60 ramp_down[100] 60
 RHS1 ramp_down[101] 60 ramp_down[102] 60
 RHS1 ramp_down[103] 60 ramp_down[104] 60
 RHS1 ramp_down[105] 60 ramp_down[106] 60
 RHS1 ramp_down[107] 60 ramp_down[108] 60
 RHS1 ramp_down[109] 60 ramp_down[110] 60
 RHS1 ramp_down[111] 60 ramp_down[112] 60
 RHS1 ramp_down[113] 60 ramp_down[114] 60
 RHS1 ramp_down[115] 60 ramp_down[116] 60
 RHS1 ramp_down[117] 60 ramp_down[118] 60
 RHS1 ramp_down[119] 60 ramp_down[120] 60
 RHS1 ramp_down[121] 60 ramp_down[122] 60
 RHS1 ramp_down[123] 60 ramp_down[124] 60
 RHS1 ramp_down[125] 60 ramp_down[126] 60
 RHS1 ramp_down[127] 60 ramp_down[128] 60
 RHS1 ramp_down[129] 60 ramp_down[130] 60
 RHS1 ramp_down[131] 60 ramp_down[132] 60
 RHS1 ramp_down[133] 60 ramp_down[134] 60
 RHS1 ramp_down[135] 60 ramp_down[136] 60
 RHS1 ramp_down[137] 60 ramp_down[138] 60
 RHS1 ramp_down[139] 60 ramp_down[140] 60
 RHS1 ramp_down[141] 60 ramp_down[142] 60
 RHS1 ramp_down[143] 60 ramp_down[144] 60
 RHS1 ramp_down[145] 60 ramp_down[146] 60
 RHS1 ramp_down[147] 60 ramp_down[148] 60
 RHS1 ramp_down[149] 60 ramp_down[150] 60
 RHS1 ramp_down[151] 60 ramp_down[152] 60
 RHS1 ramp_down[153] 60 ramp_down[154] 60
 RHS1 ramp_down[155] 60 ramp_down[156] 60
 RHS1 ramp_down[157] 60 ramp_down[158] 60
 RHS1 ramp_down[159] 60 ramp_down[160] 60
 RHS1 ramp_down[161] 60 ramp_down[162] 60
 RHS1 ramp_down[163] 60 ramp_down[164] 60
 RHS1 ramp_down[165] 60 ramp_down[166] 60
 RHS1 ramp_down[167] 60 grid_connection[0] 220
 RHS1 grid_connection[1] 220 grid_connection[2] 220
 RHS1 grid_connection[3] 220 grid_connection[4] 220
 RHS1 grid_connection[5] 220 grid_connection[6] 220
 RHS1 grid_connection[7] 220 grid_connection[8] 220
 RHS1 grid_connection[9] 220 grid_connection[10] 220
 RHS1 grid_connection[11] 220 grid_connection[12] 220
 RHS1 grid_connection[13] 220 grid_connection[14] 220
 RHS1 grid_connection[15] 220 grid_connection[16] 220
 RHS1 grid_connection[17] 220 grid_connection[18] 220
 RHS1 grid_connection[19] 220 grid_connection[20] 220
 RHS1 grid_connection[21] 220 grid_connection[22] 220
 RHS1 grid_connection[23] 220 grid_connection[24] 220
 RHS1 grid_connection[25] 220 grid_connection[26] 220
 RHS1 grid_connection[27] 220 grid_connection[28] 220
 RHS1 grid_connection[29] 220 grid_connection[30] 220
 RHS1 grid_connection[31] 220 grid_connection[32] 220
 RHS1 grid_connection[33] 220 grid_connection[34] 220
 RHS1 grid_connection[35] 220 grid_connection[36] 220
 RHS1 grid_connection[37] 220 grid_connection[38] 220
 RHS1 grid_connection[39] 220 grid_connection[40] 220
 RHS1 grid_connection[41] 220 grid_connection[42] 220
 RHS1 grid_connection[43] 220 grid_connection[44] 220
 RHS1 grid_connection[45] 220 grid_connection[46] 220
 RHS1 grid_connection[47] 220 grid_connection[48] 220
 RHS1 grid_connection[49] 220 grid_connection[50] 220
 RHS1 grid_connection[51] 220 grid_connection[52] 220
 RHS1 grid_connection[53] 220 grid_connection[54] 220
 RHS1 grid_connection[55] 220 grid_connection[56] 220
 RHS1 grid_connection[57] 220 grid_connection[58] 220
 RHS1 grid_connection[59] 220 grid_connection[60] 220
 RHS1 grid_connection[61] 220 grid_connection[62] 220
 RHS1 grid_connection[63] 220 grid_connection[64] 220
 RHS1 grid_connection[65] 220 grid_connection[66] 220
 RHS1 grid_connection[67] 220 grid_connection[68] 220
 RHS1 grid_connection[69] 220 grid_connection[70] 220
 RHS1 grid_connection[71] 220 grid_connection[72] 220
 RHS1 grid_connection[73] 220 grid_connection[74] 220
 RHS1 grid_connection[75] 220 grid_connection[76] 220
 RHS1 grid_connection[77] 220 grid_connection[78] 220
 RHS1 grid_connection[79] 220 grid_connection[80] 220
 RHS1 grid_connection[81] 220 grid_connection[82] 220
 RHS1 grid_connection[83] 220 grid_connection[84] 220
 RHS1 grid_connection[85] 220 grid_connection[86] 220
 RHS1 grid_connection[87] 220 grid_connection[88] 220
 RHS1 grid_connection[89] 220 grid_connection[90] 220
 RHS1 grid_connection[91] 220 grid_connection[92] 220
 RHS1 grid_connection[93] 220 grid_connection[94] 220
 RHS1 grid_connection[95] 220 grid_connection[96] 220
 RHS1 grid_connection[97] 220 grid_connection[98] 220
 RHS1 grid_connection[99] 220 grid_connection[100] 220
 RHS1 grid_connection[101] 220 grid_connection[102] 220
 RHS1 grid_connection[103] 220 grid_connection[104] 220
 RHS1 grid_connection[105] 220 grid_connection[106] 220
 RHS1 grid_connection[107] 220 grid_connection[108] 220
 RHS1 grid_connection[109] 220 grid_connection[110] 220
 RHS1 grid_connection[111] 220 grid_connection[112] 220
 RHS1 grid_connection[113] 220 grid_connection[114] 220
 RHS1 grid_connection[115] 220 grid_connection[116] 220
 RHS1 grid_connection[117] 220 grid_connection[118] 220
 RHS1 grid_connection[119] 220 grid_connection[120] 220
 RHS1 grid_connection[121] 220 grid_connection[122] 220
 RHS1 grid_connection[123] 220 grid_connection[124] 220
 RHS1 grid_connection[125] 220 grid_connection[126] 220
 RHS1 grid_connection[127] 220 grid_connection[128] 220
 RHS1 grid_connection[129] 220 grid_connection[130] 220
 RHS1 grid_connection[131] 220 grid_connection[132] 220
 RHS1 grid_connection[133] 220 grid_connection[134] 220
 RHS1 grid_connection[135] 220 grid_connection[136] 220
 RHS1 grid_connection[137] 220 grid_connection[138] 220
 RHS1 grid_connection[139] 220 grid_connection[140] 220
 RHS1 grid_connection[141] 220 grid_connection[142] 220
 RHS1 grid_connection[143] 220 grid_connection[144] 220
 RHS1 grid_connection[145] 220 grid_connection[146] 220
 RHS1 grid_connection[147] 220 grid_connection[148] 220
 RHS1 grid_connection[149] 220 grid_connection[150] 220
 RHS1 grid_connection[151] 220 grid_connection[152] 220
 RHS1 grid_connection[153] 220 grid_connection[154] 220
 RHS1 grid_connection[155] 220 grid_connection[156] 220
 RHS1 grid_connection[157] 220 grid_connection[158] 220
 RHS1 grid_connection[159] 220 grid_connection[160] 220
 RHS1 grid_connection[161] 220 grid_connection[162] 220
 RHS1 grid_connection[163] 220 grid_connection[164] 220
 RHS1 grid_connection[165] 220 grid_connection[166] 220
 RHS1 grid_connection[167] 220 site_intake[0] 420
 RHS1 site_intake[1] 420 site_intake[2] 420
 RHS1 site_intake[3] 420 site_intake[4] 420
 RHS1 site_intake[5] 420 site_intake[6] 420
 RHS1 site_intake[7] 420 site_intake[8] 420
 RHS1 site_intake[9] 420 site_intake[10] 420
 RHS1 site_intake[11] 420 site_intake[12] 420
 RHS1 site_intake[13] 420 site_intake[14] 420
 RHS1 site_intake[15] 420 site_intake[16] 420
 RHS1 site_intake[17] 420 site_intake[18] 420
 RHS1 site_intake[19] 420 site_intake[20] 420
 RHS1 site_intake[21] 420 site_intake[22] 420
 RHS1 site_intake[23] 420 site_intake[24] 420
 RHS1 site_intake[25] 420 site_intake[26] 420
 RHS1 site_intake[27] 420 site_intake[28] 420
 RHS1 site_intake[29] 420 site_intake[30] 420
 RHS1 site_intake[31] 420 site_intake[32] 420
 RHS1 site_intake[33] 420 site_intake[34] 420
 RHS1 site_intake[35] 420 site_intake[36] 420
 RHS1 site_intake[37] 420 site_intake[38] 420
 RHS1 site_intake[39] 420 site_intake[40] 420
 RHS1 site_intake[41] 420 site_intake[42] 420
 RHS1 site_intake[43] 420 site_intake[44] 420
 RHS1 site_intake[45] 420 site_intake[46] 420
 RHS1 site_intake[47] 420 site_intake[48] 420
 RHS1 site_intake[49] 420 site_intake[50] 420
 RHS1 site_intake[51] 420 site_intake[52] 420
 RHS1 site_intake[53] 420 site_intake[54] 420
 RHS1 site_intake[55] 420 site_intake[56] 420
 RHS1 site_intake[57] 420 site_intake[58] 420
 RHS1 site_intake[59] 420 site_intake[60] 420
 RHS1 site_intake[61] 420 site_intake[62] 420
 RHS1 site_intake[63] 420 site_intake[64] 420
 RHS1 site_intake[65] 420 site_intake[66] 420
 RHS1 site_intake[67] 420 site_intake[68] 420
 RHS1 site_intake[69] 420 site_intake[70] 420
 RHS1 site_intake[71] 420 site_intake[72] 420
 RHS1 site_intake[73] 420 site_intake[74] 420
 RHS1 site_intake[75] 420 site_intake[76] 420
 RHS1 site_intake[77] 420 site_intake[78] 420
 RHS1 site_intake[79] 420 site_intake[80] 420
 RHS1 site_intake[81] 420 site_intake[82] 420
 RHS1 site_intake[83] 420 site_intake[84] 420
 RHS1 site_intake[85] 420 site_intake[86] 420
 RHS1 site_intake[87] 420 site_intake[88] 420
 RHS1 site_intake[89] 420 site_intake[90] 420
 RHS1 site_intake[91] 420 site_intake[92] 420
 RHS1 site_intake[93] 420 site_intake[94] 420
 RHS1 site_intake[95] 420 site_intake[96] 420
 RHS1 site_intake[97] 420 site_intake[98] 420
 RHS1 site_intake[99] 420 site_intake[100] 420
 RHS1 site_intake[101] 420 site_intake[102] 420
 RHS1 site_intake[103] 420 site_intake[104] 420
 RHS1 site_intake[105] 420 site_intake[106] 420
 RHS1 site_intake[107] 420 site_intake[108] 420
 RHS1 site_intake[109] 420 site_intake[110] 420
 RHS1 site_intake[111] 420 site_intake[112] 420
 RHS1 site_intake[113] 420 site_intake[114] 420
 RHS1 site_intake[115] 420 site_intake[116] 420
 RHS1 site_intake[117] 420 site_intake[118] 420
 RHS1 site_intake[119] 420 site_intake[120] 420
 RHS1 site_intake[121] 420 site_intake[122] 420
 RHS1 site_intake[123] 420 site_intake[124] 420
 RHS1 site_intake[125] 420 site_intake[126] 420
 RHS1 site_intake[127] 420 site_intake[128] 420
 RHS1 site_intake[129] 420 site_intake[130] 420
 RHS1 site_intake[131] 420 site_intake[132] 420
 RHS1 site_intake[133] 420 site_intake[134] 420
 RHS1 site_intake[135] 420 site_intake[136] 420
 RHS1 site_intake[137] 420 site_intake[138] 420
 RHS1 site_intake[139] 420 site_intake[140] 420
 RHS1 site_intake[141] 420 site_intake[142] 420
 RHS1 site_intake[143] 420 site_intake[144] 420
 RHS1 site_intake[145] 420 site_intake[146] 420
 RHS1 site_intake[147] 420 site_intake[148] 420
 RHS1 site_intake[149] 420 site_intake[150] 420
 RHS1 site_intake[151] 420 site_intake[152] 420
 RHS1 site_intake[153] 420 site_intake[154] 420
 RHS1 site_intake[155] 420 site_intake[156] 420
 RHS1 site_intake[157] 420 site_intake[158] 420
 RHS1 site_intake[159] 420 site_intake[160] 420
 RHS1 site_intake[161] 420 site_intake[162] 420
 RHS1 site_intake[163] 420 site_intake[164] 420
 RHS1 site_intake[165] 420 site_intake[166] 420
 RHS1 site_intake[167] 420 training_energy 5376
BOUNDS
 UP BND1 gen[0] 308
 UP BND1 gen[1] 308
 UP BND1 gen[2] 308
 UP BND1 gen[3] 308
 UP BND1 gen[4] 308
 UP BND1 gen[5] 308
 UP BND1 gen[6] 308
 UP BND1 gen[7] 308
 UP BND1 gen[8] 308
 UP BND1 gen[9] 308
 UP BND1 gen[10] 308
 UP BND1 gen[11] 308
 UP BND1 gen[12] 308
 UP BND1 gen[13] 308
 UP BND1 gen[14] 308
 UP BND1 gen[15] 308
 UP BND1 gen[16] 308
 UP BND1 gen[17] 308
 UP BND1 gen[18] 308
 UP BND1 gen[19] 308
 UP BND1 gen[20] 308
 UP BND1 gen[21] 308
 UP BND1 gen[22] 308
 UP BND1 gen[23] 308
 UP BND1 gen[24] 308
 UP BND1 gen[25] 308
 UP BND1 gen[26] 308
 UP BND1 gen[27] 308
 UP BND1 gen[28] 308
 UP BND1 gen[29] 308
 UP BND1 gen[30] 308
 UP BND1 gen[31] 308
 UP BND1 gen[32] 308
 UP BND1 gen[33] 308
 UP BND1 gen[34] 308
 UP BND1 gen[35] 308
 UP BND1 gen[36] 308
 UP BND1 gen[37] 308
 UP BND1 gen[38] 308
 UP BND1 gen[39] 308
 UP BND1 gen[40] 308
 UP BND1 gen[41] 308
 UP BND1 gen[42] 308
 UP BND1 gen[43] 308
 UP BND1 gen[44] 308
 UP BND1 gen[45] 308
 UP BND1 gen[46] 308
 UP BND1 gen[47] 308
 UP BND1 gen[48] 308
 UP BND1 gen[49] 308
 UP BND1 gen[50] 308
 UP BND1 gen[51] 308
 UP BND1 gen[52] 308
 UP BND1 gen[53] 308
 UP BND1 gen[54] 308
 UP BND1 gen[55] 308
 UP BND1 gen[56] 308
 UP BND1 gen[57] 308
 UP BND1 gen[58] 308
 UP BND1 gen[59] 308
 UP BND1 gen[60] 308
 UP BND1 gen[61] 308
 UP BND1 gen[62] 308
 UP BND1 gen[63] 308
 UP BND1 gen[64] 308
 UP BND1 gen[65] 308
 UP BND1 gen[66] 308
 UP BND1 gen[67] 308
 UP BND1 gen[68] 308
 UP BND1 gen[69] 308
 UP BND1 gen[70] 308
 UP BND1 gen[71] 308
 UP BND1 gen[72] 308
 UP BND1 gen[73] 308
 UP BND1 gen[74] 308
 UP BND1 gen[75] 308
 UP BND1 gen[76] 308
 UP BND1 gen[77] 308
 UP BND1 gen[78] 308
 UP BND1 gen[79] 308
 UP BND1 gen[80] 308
 UP BND1 gen[81] 308
 UP BND1 gen[82] 308
 UP BND1 gen[83] 308
 UP BND1 gen[84] 308
 UP BND1 gen[85] 308
 UP BND1 gen[86] 308
 UP BND1 gen[87] 308
 UP BND1 gen[88] 308
 UP BND1 gen[89] 308
 UP BND1 gen[90] 308
 UP BND1 gen[91] 308
 UP BND1 gen[92] 308
 UP BND1 gen[93] 308
 UP BND1 gen[94] 308
 UP BND1 gen[95] 308
 UP BND1 gen[96] 308
 UP BND1 gen[97] 308
 UP BND1 gen[98] 308
 UP BND1 gen[99] 308
 UP BND1 gen[100] 308
 UP BND1 gen[101] 308
 UP BND1 gen[102] 308
 UP BND1 gen[103] 308
 UP BND1 gen[104] 308
 UP BND1 gen[105] 308
 UP BND1 gen[106] 308
 UP BND1 gen[107] 308
 UP BND1 gen[108] 308
 UP BND1 gen[109] 308
 UP BND1 gen[110] 308
 UP BND1 gen[111] 308
 UP BND1 gen[112] 308
 UP BND1 gen[113] 308
 UP BND1 gen[114] 308
 UP BND1 gen[115] 308
 UP BND1 gen[116] 308
 UP BND1 gen[117] 308
 UP BND1 gen[118] 308
 UP BND1 gen[119] 308
 UP BND1 gen[120] 308
 UP BND1 gen[121] 308
 UP BND1 gen[122] 308
 UP BND1 gen[123] 308
 UP BND1 gen[124] 308
 UP BND1 gen[125] 308
 UP BND1 gen[126] 308
 UP BND1 gen[127] 308
 UP BND1 gen[128] 308
 UP BND1 gen[129] 308
 UP BND1 gen[130] 308
 UP BND1 gen[131] 308
 UP BND1 gen[132] 308
 UP BND1 gen[133] 308
 UP BND1 gen[134] 308
 UP BND1 gen[135] 308
 UP BND1 gen[136] 308
 UP BND1 gen[137] 308
 UP BND1 gen[138] 308
 UP BND1 gen[139] 308
 UP BND1 gen[140] 308
 UP BND1 gen[141] 308
 UP BND1 gen[142] 308
 UP BND1 gen[143] 308
 UP BND1 gen[144] 308
 UP BND1 gen[145] 308
 UP BND1 gen[146] 308
 UP BND1 gen[147] 308
 UP BND1 gen[148] 308
 UP BND1 gen[149] 308
 UP BND1 gen[150] 308
 UP BND1 gen[151] 308
 UP BND1 gen[152] 308
 UP BND1 gen[153] 308
 UP BND1 gen[154] 308
 UP BND1 gen[155] 308
 UP BND1 gen[156] 308
 UP BND1 gen[157] 308
 UP BND1 gen[158] 308
 UP BND1 gen[159] 308
 UP BND1 gen[160] 308
 UP BND1 gen[161] 308
 UP BND1 gen[162] 308
 UP BND1 gen[163] 308
 UP BND1 gen[164] 308
 UP BND1 gen[165] 308
 UP BND1 gen[166] 308
 UP BND1 gen[167] 308
 UP BND1 import[0] 200
 UP BND1 import[1] 200
 UP BND1 import[2] 200
 UP BND1 import[3] 200
 UP BND1 import[4] 200
 UP BND1 import[5] 200
 UP BND1 import[6] 200
 UP BND1 import[7] 200
 UP BND1 import[8] 200
 UP BND1 import[9] 200
 UP BND1 import[10] 200
 UP BND1 import[11] 200
 UP BND1 import[12] 200
 UP BND1 import[13] 200
 UP BND1 import[14] 200
 UP BND1 import[15] 200
 UP BND1 import[16] 200
 UP BND1 import[17] 200
 UP BND1 import[18] 200
 UP BND1 import[19] 200
 UP BND1 import[20] 200
 UP BND1 import[21] 200
 UP BND1 import[22] 200
 UP BND1 import[23] 200
 UP BND1 import[24] 200
 UP BND1 import[25] 200
 UP BND1 import[26] 200
 UP BND1 import[27] 200
 UP BND1 import[28] 200
 UP BND1 import[29] 200
 UP BND1 import[30] 200
 UP BND1 import[31] 200
 UP BND1 import[32] 200
 UP BND1 import[33] 200
 UP BND1 import[34] 200
 UP BND1 import[35] 200
 UP BND1 import[36] 200
 UP BND1 import[37] 200
 UP BND1 import[38] 200
 UP BND1 import[39] 200
 UP BND1 import[40] 200
 UP BND1 import[41] 200
 UP BND1 import[42] 200
 UP BND1 import[43] 200
 UP BND1 import[44] 200
 UP BND1 import[45] 200
 UP BND1 import[46] 200
 UP BND1 import[47] 200
 UP BND1 import[48] 200
 UP BND1 import[49] 200
 UP BND1 import[50] 200
 UP BND1 import[51] 200
 UP BND1 import[52] 200
 UP BND1 import[53] 200
 UP BND1 import[54] 200
 UP BND1 import[55] 200
 UP BND1 import[56] 200
 UP BND1 import[57] 200
 UP BND1 import[58] 200
 UP BND1 import[59] 200
 UP BND1 import[60] 200
 UP BND1 import[61] 200
 UP BND1 import[62] 200
 UP BND1 import[63] 200
 UP BND1 import[64] 200
 UP BND1 import[65] 200
 UP BND1 import[66] 200
 UP BND1 import[67] 200
 UP BND1 import[68] 200
 UP BND1 import[69] 200
 UP BND1 import[70] 200
 UP BND1 import[71] 200
 UP BND1 import[72] 200
 UP BND1 import[73] 200
 UP BND1 import[74] 200
 UP BND1 import[75] 200
 UP BND1 import[76] 200
 UP BND1 import[77] 200
 UP BND1 import[78] 200
 UP BND1 import[79] 200
 UP BND1 import[80] 200
 UP BND1 import[81] 200
 UP BND1 import[82] 200
 UP BND1 import[83] 200
 UP BND1 import[84] 200
 UP BND1 import[85] 200
 UP BND1 import[86] 200
 UP BND1 import[87] 200
 UP BND1 import[88] 200
 UP BND1 import[89] 200
 UP BND1 import[90] 200
 UP BND1 import[91] 200
 UP BND1 import[92] 200
 UP BND1 import[93] 200
 UP BND1 import[94] 200
 UP BND1 import[95] 200
 UP BND1 import[96] 200
 UP BND1 import[97] 200
 UP BND1 import[98] 200
 UP BND1 import[99] 200
 UP BND1 import[100] 200
 UP BND1 import[101] 200
 UP BND1 import[102] 200
 UP BND1 import[103] 200
 UP BND1 import[104] 200
 UP BND1 import[105] 200
 UP BND1 import[106] 200
 UP BND1 import[107] 200
 UP BND1 import[108] 200
 UP BND1 import[109] 200
 UP BND1 import[110] 200
 UP BND1 import[111] 200
 UP BND1 import[112] 200
 UP BND1 import[113] 200
 UP BND1 import[114] 200
 UP BND1 import[115] 200
 UP BND1 import[116] 200
 UP BND1 import[117] 200
 UP BND1 import[118] 200
 UP BND1 import[119] 200
 UP BND1 import[120] 200
 UP BND1 import[121] 200
 UP BND1 import[122] 200
 UP BND1 import[123] 200
 UP BND1 import[124] 200
 UP BND1 import[125] 200
 UP BND1 import[126] 200
 UP BND1 import[127] 200
 UP BND1 import[128] 200
 UP BND1 import[129] 200
 UP BND1 import[130] 200
 UP BND1 import[131] 200
 UP BND1 import[132] 200
 UP BND1 import[133] 200
 UP BND1 import[134] 200
 UP BND1 import[135] 200
 UP BND1 import[136] 200
 UP BND1 import[137] 200
 UP BND1 import[138] 200
 UP BND1 import[139] 200
 UP BND1 import[140] 200
 UP BND1 import[141] 200
 UP BND1 import[142] 200
 UP BND1 import[143] 200
 UP BND1 import[144] 200
 UP BND1 import[145] 200
 UP BND1 import[146] 200
 UP BND1 import[147] 200
 UP BND1 import[148] 200
 UP BND1 import[149] 200
 UP BND1 import[150] 200
 UP BND1 import[151] 200
 UP BND1 import[152] 200
 UP BND1 import[153] 200
 UP BND1 import[154] 200
 UP BND1 import[155] 200
 UP BND1 import[156] 200
 UP BND1 import[157] 200
 UP BND1 import[158] 200
 UP BND1 import[159] 200
 UP BND1 import[160] 200
 UP BND1 import[161] 200
 UP BND1 import[162] 200
 UP BND1 import[163] 200
 UP BND1 import[164] 200
 UP BND1 import[165] 200
 UP BND1 import[166] 200
 UP BND1 import[167] 200
 UP BND1 export[0] 50
 UP BND1 export[1] 50
 UP BND1 export[2] 50
 UP BND1 export[3] 50
 UP BND1 export[4] 50
 UP BND1 export[5] 50
 UP BND1 export[6] 50
 UP BND1 export[7] 50
 UP BND1 export[8] 50
 UP BND1 export[9] 50
 UP BND1 export[10] 50
 UP BND1 export[11] 50
 UP BND1 export[12] 50
 UP BND1 export[13] 50
 UP BND1 export[14] 50
 UP BND1 export[15] 50
 UP BND1 export[16] 50
 UP BND1 export[17] 50
 UP BND1 export[18] 50
 UP BND1 export[19] 50
 UP BND1 export[20] 50
 UP BND1 export[21] 50
 UP BND1 export[22] 50
 UP BND1 export[23] 50
 UP BND1 export[24] 50
 UP BND1 export[25] 50
 UP BND1 export[26] 50
 UP BND1 export[27] 50
 UP BND1 export[28] 50
 UP BND1 export[29] 50
 UP BND1 export[30] 50
 UP BND1 export[31] 50
 UP BND1 export[32] 50
 UP BND1 export[33] 50
 UP BND1 export[34] 50
 UP BND1 export[35] 50
 UP BND1 export[36] 50
 UP BND1 export[37] 50
 UP BND1 export[38] 50
 UP BND1 export[39] 50
 UP BND1 export[40] 50
 UP BND1 export[41] 50
 UP BND1 export[42] 50
 UP BND1 export[43] 50
 UP BND1 export[44] 50
 UP BND1 export[45] 50
 UP BND1 export[46] 50
 UP BND1 export[47] 50
 UP BND1 export[48] 50
 UP BND1 export[49] 50
 UP BND1 export[50] 50
 UP BND1 export[51] 50
 UP BND1 export[52] 50
 UP BND1 export[53] 50
 UP BND1 export[54] 50
 UP BND1 export[55] 50
 UP BND1 export[56] 50
 UP BND1 export[57] 50
 UP BND1 export[58] 50
 UP BND1 export[59] 50
 UP BND1 export[60] 50
 UP BND1 export[61] 50
 UP BND1 export[62] 50
 UP BND1 export[63] 50
 UP BND1 export[64] 50
 UP BND1 export[65] 50
 UP BND1 export[66] 50
 UP BND1 export[67] 50
 UP BND1 export[68] 50
 UP BND1 export[69] 50
 UP BND1 export[70] 50
 UP BND1 export[71] 50
 UP BND1 export[72] 50
 UP BND1 export[73] 50
 UP BND1 export[74] 50
 UP BND1 export[75] 50
 UP BND1 export[76] 50
 UP BND1 export[77] 50
 UP BND1 export[78] 50
 UP BND1 export[79] 50
 UP BND1 export[80] 50
 UP BND1 export[81] 50
 UP BND1 export[82] 50
 UP BND1 export[83] 50
 UP BND1 export[84] 50
 UP BND1 export[85] 50
 UP BND1 export[86] 50
 UP BND1 export[87] 50
 UP BND1 export[88] 50
 UP BND1 export[89] 50
 UP BND1 export[90] 50
 UP BND1 export[91] 50
 UP BND1 export[92] 50
 UP BND1 export[93] 50
 UP BND1 export[94] 50
 UP BND1 export[95] 50
 UP BND1 export[96] 50
 UP BND1 export[97] 50
 UP BND1 export[98] 50
 UP BND1 export[99] 50
 UP BND1 export[100] 50
 UP BND1 export[101] 50
 UP BND1 export[102] 50
 UP BND1 export[103] 50
 UP BND1 export[104] 50
 UP BND1 export[105] 50
 UP BND1 export[106] 50
 UP BND1 export[107] 50
 UP BND1 export[108] 50
 UP BND1 export[109] 50
 UP BND1 export[110] 50
 UP BND1 export[111] 50
 UP BND1 export[112] 50
 UP BND1 export[113] 50
 UP BND1 export[114] 50
 UP BND1 export[115] 50
 UP BND1 export[116] 50
 UP BND1 export[117] 50
 UP BND1 export[118] 50
 UP BND1 export[119] 50
 UP BND1 export[120] 50
 UP BND1 export[121] 50
 UP BND1 export[122] 50
 UP BND1 export[123] 50
 UP BND1 export[124] 50
 UP BND1 export[125] 50
 UP BND1 export[126] 50
 UP BND1 export[127] 50
 UP BND1 export[128] 50
 UP BND1 export[129] 50
 UP BND1 export[130] 50
 UP BND1 export[131] 50
 UP BND1 export[132] 50
 UP BND1 export[133] 50
 UP BND1 export[134] 50
 UP BND1 export[135] 50
 UP BND1 export[136] 50
 UP BND1 export[137] 50
 UP BND1 export[138] 50
 UP BND1 export[139] 50
 UP BND1 export[140] 50
 UP BND1 export[141] 50
 UP BND1 export[142] 50
 UP BND1 export[143] 50
 UP BND1 export[144] 50
 UP BND1 export[145] 50
 UP BND1 export[146] 50
 UP BND1 export[147] 50
 UP BND1 export[148] 50
 UP BND1 export[149] 50
 UP BND1 export[150] 50
 UP BND1 export[151] 50
 UP BND1 export[152] 50
 UP BND1 export[153] 50
 UP BND1 export[154] 50
 UP BND1 export[155] 50
 UP BND1 export[156] 50
 UP BND1 export[157] 50
 UP BND1 export[158] 50
 UP BND1 export[159] 50
 UP BND1 export[160] 50
 UP BND1 export[161] 50
 UP BND1 export[162] 50
 UP BND1 export[163] 50
 UP BND1 export[164] 50
 UP BND1 export[165] 50
 UP BND1 export[166] 50
 UP BND1 export[167] 50
 UP BND1 charge[0] 100
 UP BND1 charge[1] 100
 UP BND1 charge[2] 100
 UP BND1 charge[3] 100
 UP BND1 charge[4] 100
 UP BND1 charge[5] 100
 UP BND1 charge[6] 100
 UP BND1 charge[7] 100
 UP BND1 charge[8] 100
 UP BND1 charge[9] 100
 UP BND1 charge[10] 100
 UP BND1 charge[11] 100
 UP BND1 charge[12] 100
 UP BND1 charge[13] 100
 UP BND1 charge[14] 100
 UP BND1 charge[15] 100
 UP BND1 charge[16] 100
 UP BND1 charge[17] 100
 UP BND1 charge[18] 100
 UP BND1 charge[19] 100
 UP BND1 charge[20] 100
 UP BND1 charge[21] 100
 UP BND1 charge[22] 100
 UP BND1 charge[23] 100
 UP BND1 charge[24] 100
 UP BND1 charge[25] 100
 UP BND1 charge[26] 100
 UP BND1 charge[27] 100
 UP BND1 charge[28] 100
 UP BND1 charge[29] 100
 UP BND1 charge[30] 100
 UP BND1 charge[31] 100
 UP BND1 charge[32] 100
 UP BND1 charge[33] 100
 UP BND1 charge[34] 100
 UP BND1 charge[35] 100
 UP BND1 charge[36] 100
 UP BND1 charge[37] 100
 UP BND1 charge[38] 100
 UP BND1 charge[39] 100
 UP BND1 charge[40] 100
 UP BND1 charge[41] 100
 UP BND1 charge[42] 100
 UP BND1 charge[43] 100
 UP BND1 charge[44] 100
 UP BND1 charge[45] 100
 UP BND1 charge[46] 100
 UP BND1 charge[47] 100
 UP BND1 charge[48] 100
 UP BND1 charge[49] 100
 UP BND1 charge[50] 100
 UP BND1 charge[51] 100
 UP BND1 charge[52] 100
 UP BND1 charge[53] 100
 UP BND1 charge[54] 100
 UP BND1 charge[55] 100
 UP BND1 charge[56] 100
 UP BND1 charge[57] 100
 UP BND1 charge[58] 100
 UP BND1 charge[59] 100
 UP BND1 charge[60] 100
 UP BND1 charge[61] 100
 UP BND1 charge[62] 100
 UP BND1 charge[63] 100
 UP BND1 charge[64] 100
 UP BND1 charge[65] 100
 UP BND1 charge[66] 100
 UP BND1 charge[67] 100
 UP BND1 charge[68] 100
 UP BND1 charge[69] 100
 UP BND1 charge[70] 100
 UP BND1 charge[71] 100
 UP BND1 charge[72] 100
 UP BND1 charge[73] 100
 UP BND1 charge[74] 100
 UP BND1 charge[75] 100
 UP BND1 charge[76] 100
 UP BND1 charge[77] 100
 UP BND1 charge[78] 100
 UP BND1 charge[79] 100
 UP BND1 charge[80] 100
 UP BND1 charge[81] 100
 UP BND1 charge[82] 100
 UP BND1 charge[83] 100
 UP BND1 charge[84] 100
 UP BND1 charge[85] 100
 UP BND1 charge[86] 100
 UP BND1 charge[87] 100
 UP BND1 charge[88] 100
 UP BND1 charge[89] 100
 UP BND1 charge[90] 100
 UP BND1 charge[91] 100
 UP BND1 charge[92] 100
 UP BND1 charge[93] 100
 UP BND1 charge[94] 100
 UP BND1 charge[95] 100
 UP BND1 charge[96] 100
 UP BND1 charge[97] 100
 UP BND1 charge[98] 100
 UP BND1 charge[99] 100
 UP BND1 charge[100] 100
 UP BND1 charge[101] 100
 UP BND1 charge[102] 100
 UP BND1 charge[103] 100
 UP BND1 charge[104] 100
 UP BND1 charge[105] 100
 UP BND1 charge[106] 100
 UP BND1 charge[107] 100
 UP BND1 charge[108] 100
 UP BND1 charge[109] 100
 UP BND1 charge[110] 100
 UP BND1 charge[111] 100
 UP BND1 charge[112] 100
 UP BND1 charge[113] 100
 UP BND1 charge[114] 100
 UP BND1 charge[115] 100
 UP BND1 charge[116] 100
 UP BND1 charge[117] 100
 UP BND1 charge[118] 100
 UP BND1 charge[119] 100
 UP BND1 charge[120] 100
 UP BND1 charge[121] 100
 UP BND1 charge[122] 100
 UP BND1 charge[123] 100
 UP BND1 charge[124] 100
 UP BND1 charge[125] 100
 UP BND1 charge[126] 100
 UP BND1 charge[127] 100
 UP BND1 charge[128] 100
 UP BND1 charge[129] 100
 UP BND1 charge[130] 100
 UP BND1 charge[131] 100
 UP BND1 charge[132] 100
 UP BND1 charge[133] 100
 UP BND1 charge[134] 100
 UP BND1 charge[135] 100
 UP BND1 charge[136] 100
 UP BND1 charge[137] 100
 UP BND1 charge[138] 100
 UP BND1 charge[139] 100
 UP BND1 charge[140] 100
 UP BND1 charge[141] 100
 UP BND1 charge[142] 100
 UP BND1 charge[143] 100
 UP BND1 charge[144] 100
 UP BND1 charge[145] 100
 UP BND1 charge[146] 100
 UP BND1 charge[147] 100
 UP BND1 charge[148] 100
 UP BND1 charge[149] 100
 UP BND1 charge[150] 100
 UP BND1 charge[151] 100
 UP BND1 charge[152] 100
 UP BND1 charge[153] 100
 UP BND1 charge[154] 100
 UP BND1 charge[155] 100
 UP BND1 charge[156] 100
 UP BND1 charge[157] 100
 UP BND1 charge[158] 100
 UP BND1 charge[159] 100
 UP BND1 charge[160] 100
 UP BND1 charge[161] 100
 UP BND1 charge[162] 100
 UP BND1 charge[163] 100
 UP BND1 charge[164] 100
 UP BND1 charge[165] 100
 UP BND1 charge[166] 100
 UP BND1 charge[167] 100
 UP BND1 discharge[0] 100
 UP BND1 discharge[1] 100
 UP BND1 discharge[2] 100
 UP BND1 discharge[3] 100
 UP BND1 discharge[4] 100
 UP BND1 discharge[5] 100
 UP BND1 discharge[6] 100
 UP BND1 discharge[7] 100
 UP BND1 discharge[8] 100
 UP BND1 discharge[9] 100
 UP BND1 discharge[10] 100
 UP BND1 discharge[11] 100
 UP BND1 discharge[12] 100
 UP BND1 discharge[13] 100
 UP BND1 discharge[14] 100
 UP BND1 discharge[15] 100
 UP BND1 discharge[16] 100
 UP BND1 discharge[17] 100
 UP BND1 discharge[18] 100
 UP BND1 discharge[19] 100
 UP BND1 discharge[20] 100
 UP BND1 discharge[21] 100
 UP BND1 discharge[22] 100
 UP BND1 discharge[23] 100
 UP BND1 discharge[24] 100
 UP BND1 discharge[25] 100
 UP BND1 discharge[26] 100
 UP BND1 discharge[27] 100
 UP BND1 discharge[28] 100
 UP BND1 discharge[29] 100
 UP BND1 discharge[30] 100
 UP BND1 discharge[31] 100
 UP BND1 discharge[32] 100
 UP BND1 discharge[33] 100
 UP BND1 discharge[34] 100
 UP BND1 discharge[35] 100
 UP BND1 discharge[36] 100
 UP BND1 discharge[37] 100
 UP BND1 discharge[38] 100
 UP BND1 discharge[39] 100
 UP BND1 discharge[40] 100
 UP BND1 discharge[41] 100
 UP BND1 discharge[42] 100
 UP BND1 discharge[43] 100
 UP BND1 discharge[44] 100
 UP BND1 discharge[45] 100
 UP BND1 discharge[46] 100
 UP BND1 discharge[47] 100
 UP BND1 discharge[48] 100
 UP BND1 discharge[49] 100
 UP BND1 discharge[50] 100
 UP BND1 discharge[51] 100
 UP BND1 discharge[52] 100
 UP BND1 discharge[53] 100
 UP BND1 discharge[54] 100
 UP BND1 discharge[55] 100
 UP BND1 discharge[56] 100
 UP BND1 discharge[57] 100
 UP BND1 discharge[58] 100
 UP BND1 discharge[59] 100
 UP BND1 discharge[60] 100
 UP BND1 discharge[61] 100
 UP BND1 discharge[62] 100
 UP BND1 discharge[63] 100
 UP BND1 discharge[64] 100
 UP BND1 discharge[65] 100
 UP BND1 discharge[66] 100
 UP BND1 discharge[67] 100
 UP BND1 discharge[68] 100
 UP BND1 discharge[69] 100
 UP BND1 discharge[70] 100
 UP BND1 discharge[71] 100
 UP BND1 discharge[72] 100
 UP BND1 discharge[73] 100
 UP BND1 discharge[74] 100
 UP BND1 discharge[75] 100
 UP BND1 discharge[76] 100
 UP BND1 discharge[77] 100
 UP BND1 discharge[78] 100
 UP BND1 discharge[79] 100
 UP BND1 discharge[80] 100
 UP BND1 discharge[81] 100
 UP BND1 discharge[82] 100
 UP BND1 discharge[83] 100
 UP BND1 discharge[84] 100
 UP BND1 discharge[85] 100
 UP BND1 discharge[86] 100
 UP BND1 discharge[87] 100
 UP BND1 discharge[88] 100
 UP BND1 discharge[89] 100
 UP BND1 discharge[90] 100
 UP BND1 discharge[91] 100
 UP BND1 discharge[92] 100
 UP BND1 discharge[93] 100
 UP BND1 discharge[94] 100
 UP BND1 discharge[95] 100
 UP BND1 discharge[96] 100
 UP BND1 discharge[97] 100
 UP BND1 discharge[98] 100
 UP BND1 discharge[99] 100
 UP BND1 discharge[100] 100
 UP BND1 discharge[101] 100
 UP BND1 discharge[102] 100
 UP BND1 discharge[103] 100
 UP BND1 discharge[104] 100
 UP BND1 discharge[105] 100
 UP BND1 discharge[106] 100
 UP BND1 discharge[107] 100
 UP BND1 discharge[108] 100
 UP BND1 discharge[109] 100
 UP BND1 discharge[110] 100
 UP BND1 discharge[111] 100
 UP BND1 discharge[112] 100
 UP BND1 discharge[113] 100
 UP BND1 discharge[114] 100
 UP BND1 discharge[115] 100
 UP BND1 discharge[116] 100
 UP BND1 discharge[117] 100
 UP BND1 discharge[118] 100
 UP BND1 discharge[119] 100
 UP BND1 discharge[120] 100
 UP BND1 discharge[121] 100
 UP BND1 discharge[122] 100
 UP BND1 discharge[123] 100
 UP BND1 discharge[124] 100
 UP BND1 discharge[125] 100
 UP BND1 discharge[126] 100
 UP BND1 discharge[127] 100
 UP BND1 discharge[128] 100
 UP BND1 discharge[129] 100
 UP BND1 discharge[130] 100
 UP BND1 discharge[131] 100
 UP BND1 discharge[132] 100
 UP BND1 discharge[133] 100
 UP BND1 discharge[134] 100
 UP BND1 discharge[135] 100
 UP BND1 discharge[136] 100
 UP BND1 discharge[137] 100
 UP BND1 discharge[138] 100
 UP BND1 discharge[139] 100
 UP BND1 discharge[140] 100
 UP BND1 discharge[141] 100
 UP BND1 discharge[142] 100
 UP BND1 discharge[143] 100
 UP BND1 discharge[144] 100
 UP BND1 discharge[145] 100
 UP BND1 discharge[146] 100
 UP BND1 discharge[147] 100
 UP BND1 discharge[148] 100
 UP BND1 discharge[149] 100
 UP BND1 discharge[150] 100
 UP BND1 discharge[151] 100
 UP BND1 discharge[152] 100
 UP BND1 discharge[153] 100
 UP BND1 discharge[154] 100
 UP BND1 discharge[155] 100
 UP BND1 discharge[156] 100
 UP BND1 discharge[157] 100
 UP BND1 discharge[158] 100
 UP BND1 discharge[159] 100
 UP BND1 discharge[160] 100
 UP BND1 discharge[161] 100
 UP BND1 discharge[162] 100
 UP BND1 discharge[163] 100
 UP BND1 discharge[164] 100
 UP BND1 discharge[165] 100
 UP BND1 discharge[166] 100
 UP BND1 discharge[167] 100
 LO BND1 soc[0] 40
 UP BND1 soc[0] 400
 LO BND1 soc[1] 40
 UP BND1 soc[1] 400
 LO BND1 soc[2] 40
 UP BND1 soc[2] 400
 LO BND1 soc[3] 40
 UP BND1 soc[3] 400
 LO BND1 soc[4] 40
 UP BND1 soc[4] 400
 LO BND1 soc[5] 40
 UP BND1 soc[5] 400
 LO BND1 soc[6] 40
 UP BND1 soc[6] 400
 LO BND1 soc[7] 40
 UP BND1 soc[7] 400
 LO BND1 soc[8] 40
 UP BND1 soc[8] 400
 LO BND1 soc[9] 40
 UP BND1 soc[9] 400
 LO BND1 soc[10] 40
 UP BND1 soc[10] 400
 LO BND1 soc[11] 40
 UP BND1 soc[11] 400
 LO BND1 soc[12] 40
 UP BND1 soc[12] 400
 LO BND1 soc[13] 40
 UP BND1 soc[13] 400
 LO BND1 soc[14] 40
 UP BND1 soc[14] 400
 LO BND1 soc[15] 40
 UP BND1 soc[15] 400
 LO BND1 soc[16] 40
 UP BND1 soc[16] 400
 LO BND1 soc[17] 40
 UP BND1 soc[17] 400
 LO BND1 soc[18] 40
 UP BND1 soc[18] 400
 LO BND1 soc[19] 40
 UP BND1 soc[19] 400
 LO BND1 soc[20] 40
 UP BND1 soc[20] 400
 LO BND1 soc[21] 40
 UP BND1 soc[21] 400
 LO BND1 soc[22] 40
 UP BND1 soc[22] 400
 LO BND1 soc[23] 40
 UP BND1 soc[23] 400
 LO BND1 soc[24] 40
 UP BND1 soc[24] 400
 LO BND1 soc[25] 40
 UP BND1 soc[25] 400
 LO BND1 soc[26] 40
 UP BND1 soc[26] 400
 LO BND1 soc[27] 40
 UP BND1 soc[27] 400
 LO BND1 soc[28] 40
 UP BND1 soc[28] 400
 LO BND1 soc[29] 40
 UP BND1 soc[29] 400
 LO BND1 soc[30] 40
 UP BND1 soc[30] 400
 LO BND1 soc[31] 40
 UP BND1 soc[31] 400
 LO BND1 soc[32] 40
 UP BND1 soc[32] 400
 LO BND1 soc[33] 40
 UP BND1 soc[33] 400
 LO BND1 soc[34] 40
 UP BND1 soc[34] 400
 LO BND1 soc[35] 40
 UP BND1 soc[35] 400
 LO BND1 soc[36] 40
 UP BND1 soc[36] 400
 LO BND1 soc[37] 40
 UP BND1 soc[37] 400
 LO BND1 soc[38] 40
 UP BND1 soc[38] 400
 LO BND1 soc[39] 40
 UP BND1 soc[39] 400
 LO BND1 soc[40] 40
 UP BND1 soc[40] 400
 LO BND1 soc[41] 40
 UP BND1 soc[41] 400
 LO BND1 soc[42] 40
 UP BND1 soc[42] 400
 LO BND1 soc[43] 40
 UP BND1 soc[43] 400
 LO BND1 soc[44] 40
 UP BND1 soc[44] 400
 LO BND1 soc[45] 40
 UP BND1 soc[45] 400
 LO BND1 soc[46] 40
 UP BND1 soc[46] 400
 LO BND1 soc[47] 40
 UP BND1 soc[47] 400
 LO BND1 soc[48] 40
 UP BND1 soc[48] 400
 LO BND1 soc[49] 40
 UP BND1 soc[49] 400
 LO BND1 soc[50] 40
 UP BND1 soc[50] 400
 LO BND1 soc[51] 40
 UP BND1 soc[51] 400
 LO BND1 soc[52] 40
 UP BND1 soc[52] 400
 LO BND1 soc[53] 40
 UP BND1 soc[53] 400
 LO BND1 soc[54] 40
 UP BND1 soc[54] 400
 LO BND1 soc[55] 40
 UP BND1 soc[55] 400
 LO BND1 soc[56] 40
 UP BND1 soc[56] 400
 LO BND1 soc[57] 40
 UP BND1 soc[57] 400
 LO BND1 soc[58] 40
 UP BND1 soc[58] 400
 LO BND1 soc[59] 40
 UP BND1 soc[59] 400
 LO BND1 soc[60] 40
 UP BND1 soc[60] 400
 LO BND1 soc[61] 40
 UP BND1 soc[61] 400
 LO BND1 soc[62] 40
 UP BND1 soc[62] 400
 LO BND1 soc[63] 40
 UP BND1 soc[63] 400
 LO BND1 soc[64] 40
 UP BND1 soc[64] 400
 LO BND1 soc[65] 40
 UP BND1 soc[65] 400
 LO BND1 soc[66] 40
 UP BND1 soc[66] 400
 LO BND1 soc[67] 40
 UP BND1 soc[67] 400
 LO BND1 soc[68] 40
 UP BND1 soc[68] 400
 LO BND1 soc[69] 40
 UP BND1 soc[69] 400
 LO BND1 soc[70] 40
 UP BND1 soc[70] 400
 LO BND1 soc[71] 40
 UP BND1 soc[71] 400
 LO BND1 soc[72] 40
 UP BND1 soc[72] 400
 LO BND1 soc[73] 40
 UP BND1 soc[73] 400
 LO BND1 soc[74] 40
 UP BND1 soc[74] 400
 LO BND1 soc[75] 40
 UP BND1 soc[75] 400
 LO BND1 soc[76] 40
 UP BND1 soc[76] 400
 LO BND1 soc[77] 40
 UP BND1 soc[77] 400
 LO BND1 soc[78] 40
 UP BND1 soc[78] 400
 LO BND1 soc[79] 40
 UP BND1 soc[79] 400
 LO BND1 soc[80] 40
 UP BND1 soc[80] 400
 LO BND1 soc[81] 40
 UP BND1 soc[81] 400
 LO BND1 soc[82] 40
 UP BND1 soc[82] 400
 LO BND1 soc[83] 40
 UP BND1 soc[83] 400
 LO BND1 soc[84] 40
 UP BND1 soc[84] 400
 LO BND1 soc[85] 40
 UP BND1 soc[85] 400
 LO BND1 soc[86] 40
 UP BND1 soc[86] 400
 LO BND1 soc[87] 40
 UP BND1 soc[87] 400
 LO BND1 soc[88] 40
 UP BND1 soc[88] 400
 LO BND1 soc[89] 40
 UP BND1 soc[89] 400
 LO BND1 soc[90] 40
 UP BND1 soc[90] 400
 LO BND1 soc[91] 40
 UP BND1 soc[91] 400
 LO BND1 soc[92] 40
 UP BND1 soc[92] 400
 LO BND1 soc[93] 40
 UP BND1 soc[93] 400
 LO BND1 soc[94] 40
 UP BND1 soc[94] 400
 LO BND1 soc[95] 40
 UP BND1 soc[95] 400
 LO BND1 soc[96] 40
 UP BND1 soc[96] 400
 LO BND1 soc[97] 40
 UP BND1 soc[97] 400
 LO BND1 soc[98] 40
 UP BND1 soc[98] 400
 LO BND1 soc[99] 40
 UP BND1 soc[99] 400
 LO BND1 soc[100] 40
 UP BND1 soc[100] 400
 LO BND1 soc[101] 40
 UP BND1 soc[101] 400
 LO BND1 soc[102] 40
 UP BND1 soc[102] 400
 LO BND1 soc[103] 40
 UP BND1 soc[103] 400
 LO BND1 soc[104] 40
 UP BND1 soc[104] 400
 LO BND1 soc[105] 40
 UP BND1 soc[105] 400
 LO BND1 soc[106] 40
 UP BND1 soc[106] 400
 LO BND1 soc[107] 40
 UP BND1 soc[107] 400
 LO BND1 soc[108] 40
 UP BND1 soc[108] 400
 LO BND1 soc[109] 40
 UP BND1 soc[109] 400
 LO BND1 soc[110] 40
 UP BND1 soc[110] 400
 LO BND1 soc[111] 40
 UP BND1 soc[111] 400
 LO BND1 soc[112] 40
 UP BND1 soc[112] 400
 LO BND1 soc[113] 40
 UP BND1 soc[113] 400
 LO BND1 soc[114] 40
 UP BND1 soc[114] 400
 LO BND1 soc[115] 40
 UP BND1 soc[115] 400
 LO BND1 soc[116] 40
 UP BND1 soc[116] 400
 LO BND1 soc[117] 40
 UP BND1 soc[117] 400
 LO BND1 soc[118] 40
 UP BND1 soc[118] 400
 LO BND1 soc[119] 40
 UP BND1 soc[119] 400
 LO BND1 soc[120] 40
 UP BND1 soc[120] 400
 LO BND1 soc[121] 40
 UP BND1 soc[121] 400
 LO BND1 soc[122] 40
 UP BND1 soc[122] 400
 LO BND1 soc[123] 40
 UP BND1 soc[123] 400
 LO BND1 soc[124] 40
 UP BND1 soc[124] 400
 LO BND1 soc[125] 40
 UP BND1 soc[125] 400
 LO BND1 soc[126] 40
 UP BND1 soc[126] 400
 LO BND1 soc[127] 40
 UP BND1 soc[127] 400
 LO BND1 soc[128] 40
 UP BND1 soc[128] 400
 LO BND1 soc[129] 40
 UP BND1 soc[129] 400
 LO BND1 soc[130] 40
 UP BND1 soc[130] 400
 LO BND1 soc[131] 40
 UP BND1 soc[131] 400
 LO BND1 soc[132] 40
 UP BND1 soc[132] 400
 LO BND1 soc[133] 40
 UP BND1 soc[133] 400
 LO BND1 soc[134] 40
 UP BND1 soc[134] 400
 LO BND1 soc[135] 40
 UP BND1 soc[135] 400
 LO BND1 soc[136] 40
 UP BND1 soc[136] 400
 LO BND1 soc[137] 40
 UP BND1 soc[137] 400
 LO BND1 soc[138] 40
 UP BND1 soc[138] 400
 LO BND1 soc[139] 40
 UP BND1 soc[139] 400
 LO BND1 soc[140] 40
 UP BND1 soc[140] 400
 LO BND1 soc[141] 40
 UP BND1 soc[141] 400
 LO BND1 soc[142] 40
 UP BND1 soc[142] 400
 LO BND1 soc[143] 40
 UP BND1 soc[143] 400
 LO BND1 soc[144] 40
 UP BND1 soc[144] 400
 LO BND1 soc[145] 40
 UP BND1 soc[145] 400
 LO BND1 soc[146] 40
 UP BND1 soc[146] 400
 LO BND1 soc[147] 40
 UP BND1 soc[147] 400
 LO BND1 soc[148] 40
 UP BND1 soc[148] 400
 LO BND1 soc[149] 40
 UP BND1 soc[149] 400
 LO BND1 soc[150] 40
 UP BND1 soc[150] 400
 LO BND1 soc[151] 40
 UP BND1 soc[151] 400
 LO BND1 soc[152] 40
 UP BND1 soc[152] 400
 LO BND1 soc[153] 40
 UP BND1 soc[153] 400
 LO BND1 soc[154] 40
 UP BND1 soc[154] 400
 LO BND1 soc[155] 40
 UP BND1 soc[155] 400
 LO BND1 soc[156] 40
 UP BND1 soc[156] 400
 LO BND1 soc[157] 40
 UP BND1 soc[157] 400
 LO BND1 soc[158] 40
 UP BND1 soc[158] 400
 LO BND1 soc[159] 40
 UP BND1 soc[159] 400
 LO BND1 soc[160] 40
 UP BND1 soc[160] 400
 LO BND1 soc[161] 40
 UP BND1 soc[161] 400
 LO BND1 soc[162] 40
 UP BND1 soc[162] 400
 LO BND1 soc[163] 40
 UP BND1 soc[163] 400
 LO BND1 soc[164] 40
 UP BND1 soc[164] 400
 LO BND1 soc[165] 40
 UP BND1 soc[165] 400
 LO BND1 soc[166] 40
 UP BND1 soc[166] 400
 LO BND1 soc[167] 40
 UP BND1 soc[167] 400
 FX BND1 solar[0] 0
 FX BND1 solar[1] 0
 FX BND1 solar[2] 0
 FX BND1 solar[3] 0
 FX BND1 solar[4] 0
 FX BND1 solar[5] 0
 FX BND1 solar[6] 0
 UP BND1 solar[7] 38.822856765
 UP BND1 solar[8] 75
 UP BND1 solar[9] 106.06601718
 UP BND1 solar[10] 129.90381057
 UP BND1 solar[11] 144.88887394
 UP BND1 solar[12] 150
 UP BND1 solar[13] 144.88887394
 UP BND1 solar[14] 129.90381057
 UP BND1 solar[15] 106.06601718
 UP BND1 solar[16] 75
 UP BND1 solar[17] 38.822856765
 UP BND1 solar[18] 1.836970E-14
 FX BND1 solar[19] 0
 FX BND1 solar[20] 0
 FX BND1 solar[21] 0
 FX BND1 solar[22] 0
 FX BND1 solar[23] 0
 FX BND1 solar[24] 0
 FX BND1 solar[25] 0
 FX BND1 solar[26] 0
 FX BND1 solar[27] 0
 FX BND1 solar[28] 0
 FX BND1 solar[29] 0
 FX BND1 solar[30] 0
 UP BND1 solar[31] 38.822856765
 UP BND1 solar[32] 75
 UP BND1 solar[33] 106.06601718
 UP BND1 solar[34] 129.90381057
 UP BND1 solar[35] 144.88887394
 UP BND1 solar[36] 150
 UP BND1 solar[37] 144.88887394
 UP BND1 solar[38] 129.90381057
 UP BND1 solar[39] 106.06601718
 UP BND1 solar[40] 75
 UP BND1 solar[41] 38.822856765
 UP BND1 solar[42] 1.836970E-14
 FX BND1 solar[43] 0
 FX BND1 solar[44] 0
 FX BND1 solar[45] 0
 FX BND1 solar[46] 0
 FX BND1 solar[47] 0
 FX BND1 solar[48] 0
 FX BND1 solar[49] 0
 FX BND1 solar[50] 0
 FX BND1 solar[51] 0
 FX BND1 solar[52] 0
 FX BND1 solar[53] 0
 FX BND1 solar[54] 0
 UP BND1 solar[55] 38.822856765
 UP BND1 solar[56] 75
 UP BND1 solar[57] 106.06601718
 UP BND1 solar[58] 129.90381057
 UP BND1 solar[59] 144.88887394
 UP BND1 solar[60] 150
 UP BND1 solar[61] 144.88887394
 UP BND1 solar[62] 129.90381057
 UP BND1 solar[63] 106.06601718
 UP BND1 solar[64] 75
 UP BND1 solar[65] 38.822856765
 UP BND1 solar[66] 1.836970E-14
 FX BND1 solar[67] 0
 FX BND1 solar[68] 0
 FX BND1 solar[69] 0
 FX BND1 solar[70] 0
 FX BND1 solar[71] 0
 FX BND1 solar[72] 0
 FX BND1 solar[73] 0
 FX BND1 solar[74] 0
 FX BND1 solar[75] 0
 FX BND1 solar[76] 0
 FX BND1 solar[77] 0
 FX BND1 solar[78] 0
 UP BND1 solar[79] 38.822856765
 UP BND1 solar[80] 75
 UP BND1 solar[81] 106.06601718
 UP BND1 solar[82] 129.90381057
 UP BND1 solar[83] 144.88887394
 UP BND1 solar[84] 150
 UP BND1 solar[85] 144.88887394
 UP BND1 solar[86] 129.90381057
 UP BND1 solar[87] 106.06601718
 UP BND1 solar[88] 75
 UP BND1 solar[89] 38.822856765
 UP BND1 solar[90] 1.836970E-14
 FX BND1 solar[91] 0
 FX BND1 solar[92] 0
 FX BND1 solar[93] 0
 FX BND1 solar[94] 0
 FX BND1 solar[95] 0
 FX BND1 solar[96] 0
 FX BND1 solar[97] 0
 FX BND1 solar[98] 0
 FX BND1 solar[99] 0
 FX BND1 solar[100] 0
 FX BND1 solar[101] 0
 FX BND1 solar[102] 0
 UP BND1 solar[103] 38.822856765
 UP BND1 solar[104] 75
 UP BND1 solar[105] 106.06601718
 UP BND1 solar[106] 129.90381057
 UP BND1 solar[107] 144.88887394
 UP BND1 solar[108] 150
 UP BND1 solar[109] 144.88887394
 UP BND1 solar[110] 129.90381057
 UP BND1 solar[111] 106.06601718
 UP BND1 solar[112] 75
 UP BND1 solar[113] 38.822856765
 UP BND1 solar[114] 1.836970E-14
 FX BND1 solar[115] 0
 FX BND1 solar[116] 0
 FX BND1 solar[117] 0
 FX BND1 solar[118] 0
 FX BND1 solar[119] 0
 FX BND1 solar[120] 0
 FX BND1 solar[121] 0
 FX BND1 solar[122] 0
 FX BND1 solar[123] 0
 FX BND1 solar[124] 0
 FX BND1 solar[125] 0
 FX BND1 solar[126] 0
 UP BND1 solar[127] 38.822856765
 UP BND1 solar[128] 75
 UP BND1 solar[129] 106.06601718
 UP BND1 solar[130] 129.90381057
 UP BND1 solar[131] 144.88887394
 UP BND1 solar[132] 150
 UP BND1 solar[133] 144.88887394
 UP BND1 solar[134] 129.90381057
 UP BND1 solar[135] 106.06601718
 UP BND1 solar[136] 75
 UP BND1 solar[137] 38.822856765
 UP BND1 solar[138] 1.836970E-14
 FX BND1 solar[139] 0
 FX BND1 solar[140] 0
 FX BND1 solar[141] 0
 FX BND1 solar[142] 0
 FX BND1 solar[143] 0
 FX BND1 solar[144] 0
 FX BND1 solar[145] 0
 FX BND1 solar[146] 0
 FX BND1 solar[147] 0
 FX BND1 solar[148] 0
 FX BND1 solar[149] 0
 FX BND1 solar[150] 0
 UP BND1 solar[151] 38.822856765
 UP BND1 solar[152] 75
 UP BND1 solar[153] 106.06601718
 UP BND1 solar[154] 129.90381057
 UP BND1 solar[155] 144.88887394
 UP BND1 solar[156] 150
 UP BND1 solar[157] 144.88887394
 UP BND1 solar[158] 129.90381057
 UP BND1 solar[159] 106.06601718
 UP BND1 solar[160] 75
 UP BND1 solar[161] 38.822856765
 UP BND1 solar[162] 1.836970E-14
 FX BND1 solar[163] 0
 FX BND1 solar[164] 0
 FX BND1 solar[165] 0
 FX BND1 solar[166] 0
 FX BND1 solar[167] 0
 UP BND1 training[0] 131.21320344
 UP BND1 training[1] 135.98076211
 UP BND1 training[2] 138.97777479
 UP BND1 training[3] 140
 UP BND1 training[4] 138.97777479
 UP BND1 training[5] 135.98076211
 UP BND1 training[6] 131.21320344
 UP BND1 training[7] 125
 UP BND1 training[8] 117.76457135
 UP BND1 training[9] 110
 UP BND1 training[10] 102.23542865
 UP BND1 training[11] 95
 UP BND1 training[12] 88.786796564
 UP BND1 training[13] 84.019237886
 UP BND1 training[14] 81.022225211
 UP BND1 training[15] 80
 UP BND1 training[16] 81.022225211
 UP BND1 training[17] 84.019237886
 UP BND1 training[18] 88.786796564
 UP BND1 training[19] 95
 UP BND1 training[20] 102.23542865
 UP BND1 training[21] 110
 UP BND1 training[22] 117.76457135
 UP BND1 training[23] 125
 UP BND1 training[24] 131.21320344
 UP BND1 training[25] 135.98076211
 UP BND1 training[26] 138.97777479
 UP BND1 training[27] 140
 UP BND1 training[28] 138.97777479
 UP BND1 training[29] 135.98076211
 UP BND1 training[30] 131.21320344
 UP BND1 training[31] 125
 UP BND1 training[32] 117.76457135
 UP BND1 training[33] 110
 UP BND1 training[34] 102.23542865
 UP BND1 training[35] 95
 UP BND1 training[36] 88.786796564
 UP BND1 training[37] 84.019237886
 UP BND1 training[38] 81.022225211
 UP BND1 training[39] 80
 UP BND1 training[40] 81.022225211
 UP BND1 training[41] 84.019237886
 UP BND1 training[42] 88.786796564
 UP BND1 training[43] 95
 UP BND1 training[44] 102.23542865
 UP BND1 training[45] 110
 UP BND1 training[46] 117.76457135
 UP BND1 training[47] 125
 UP BND1 training[48] 131.21320344
 UP BND1 training[49] 135.98076211
 UP BND1 training[50] 138.97777479
 UP BND1 training[51] 140
 UP BND1 training[52] 138.97777479
 UP BND1 training[53] 135.98076211
 UP BND1 training[54] 131.21320344
 UP BND1 training[55] 125
 UP BND1 training[56] 117.76457135
 UP BND1 training[57] 110
 UP BND1 training[58] 102.23542865
 UP BND1 training[59] 95
 UP BND1 training[60] 88.786796564
 UP BND1 training[61] 84.019237886
 UP BND1 training[62] 81.022225211
 UP BND1 training[63] 80
 UP BND1 training[64] 81.022225211
 UP BND1 training[65] 84.019237886
 UP BND1 training[66] 88.786796564
 UP BND1 training[67] 95
 UP BND1 training[68] 102.23542865
 UP BND1 training[69] 110
 UP BND1 training[70] 117.76457135
 UP BND1 training[71] 125
 UP BND1 training[72] 131.21320344
 UP BND1 training[73] 135.98076211
 UP BND1 training[74] 138.97777479
 UP BND1 training[75] 140
 UP BND1 training[76] 138.97777479
 UP BND1 training[77] 135.98076211
 UP BND1 training[78] 131.21320344
 UP BND1 training[79] 125
 UP BND1 training[80] 117.76457135
 UP BND1 training[81] 110
 UP BND1 training[82] 102.23542865
 UP BND1 training[83] 95
 UP BND1 training[84] 88.786796564
 UP BND1 training[85] 84.019237886
 UP BND1 training[86] 81.022225211
 UP BND1 training[87] 80
 UP BND1 training[88] 81.022225211
 UP BND1 training[89] 84.019237886
 UP BND1 training[90] 88.786796564
 UP BND1 training[91] 95
 UP BND1 training[92] 102.23542865
 UP BND1 training[93] 110
 UP BND1 training[94] 117.76457135
 UP BND1 training[95] 125
 UP BND1 training[96] 131.21320344
 UP BND1 training[97] 135.98076211
 UP BND1 training[98] 138.97777479
 UP BND1 training[99] 140
 UP BND1 training[100] 138.97777479
 UP BND1 training[101] 135.98076211
 UP BND1 training[102] 131.21320344
 UP BND1 training[103] 125
 UP BND1 training[104] 117.76457135
 UP BND1 training[105] 110
 UP BND1 training[106] 102.23542865
 UP BND1 training[107] 95
 UP BND1 training[108] 88.786796564
 UP BND1 training[109] 84.019237886
 UP BND1 training[110] 81.022225211
 UP BND1 training[111] 80
 UP BND1 training[112] 81.022225211
 UP BND1 training[113] 84.019237886
 UP BND1 training[114] 88.786796564
 UP BND1 training[115] 95
 UP BND1 training[116] 102.23542865
 UP BND1 training[117] 110
 UP BND1 training[118] 117.76457135
 UP BND1 training[119] 125
 UP BND1 training[120] 131.21320344
 UP BND1 training[121] 135.98076211
 UP BND1 training[122] 138.97777479
 UP BND1 training[123] 140
 UP BND1 training[124] 138.97777479
 UP BND1 training[125] 135.98076211
 UP BND1 training[126] 131.21320344
 UP BND1 training[127] 125
 UP BND1 training[128] 117.76457135
 UP BND1 training[129] 110
 UP BND1 training[130] 102.23542865
 UP BND1 training[131] 95
 UP BND1 training[132] 88.786796564
 UP BND1 training[133] 84.019237886
 UP BND1 training[134] 81.022225211
 UP BND1 training[135] 80
 UP BND1 training[136] 81.022225211
 UP BND1 training[137] 84.019237886
 UP BND1 training[138] 88.786796564
 UP BND1 training[139] 95
 UP BND1 training[140] 102.23542865
 UP BND1 training[141] 110
 UP BND1 training[142] 117.76457135
 UP BND1 training[143] 125
 UP BND1 training[144] 131.21320344
 UP BND1 training[145] 135.98076211
 UP BND1 training[146] 138.97777479
 UP BND1 training[147] 140
 UP BND1 training[148] 138.97777479
 UP BND1 training[149] 135.98076211
 UP BND1 training[150] 131.21320344
 UP BND1 training[151] 125
 UP BND1 training[152] 117.76457135
 UP BND1 training[153] 110
 UP BND1 training[154] 102.23542865
 UP BND1 training[155] 95
 UP BND1 training[156] 88.786796564
 UP BND1 training[157] 84.019237886
 UP BND1 training[158] 81.022225211
 UP BND1 training[159] 80
 UP BND1 training[160] 81.022225211
 UP BND1 training[161] 84.019237886
 UP BND1 training[162] 88.786796564
 UP BND1 training[163] 95
 UP BND1 training[164] 102.23542865
 UP BND1 training[165] 110
 UP BND1 training[166] 117.76457135
 UP BND1 training[167] 125
 UP BND1 shed[0] 68.786796564
 UP BND1 shed[1] 64.019237886
 UP BND1 shed[2] 61.022225211
 UP BND1 shed[3] 60
 UP BND1 shed[4] 61.022225211
 UP BND1 shed[5] 64.019237886
 UP BND1 shed[6] 68.786796564
 UP BND1 shed[7] 75
 UP BND1 shed[8] 82.235428647
 UP BND1 shed[9] 90
 UP BND1 shed[10] 97.764571353
 UP BND1 shed[11] 105
 UP BND1 shed[12] 111.21320344
 UP BND1 shed[13] 115.98076211
 UP BND1 shed[14] 118.97777479
 UP BND1 shed[15] 120
 UP BND1 shed[16] 118.97777479
 UP BND1 shed[17] 115.98076211
 UP BND1 shed[18] 111.21320344
 UP BND1 shed[19] 105
 UP BND1 shed[20] 97.764571353
 UP BND1 shed[21] 90
 UP BND1 shed[22] 82.235428647
 UP BND1 shed[23] 75
 UP BND1 shed[24] 68.786796564
 UP BND1 shed[25] 64.019237886
 UP BND1 shed[26] 61.022225211
 UP BND1 shed[27] 60
 UP BND1 shed[28] 61.022225211
 UP BND1 shed[29] 64.019237886
 UP BND1 shed[30] 68.786796564
 UP BND1 shed[31] 75
 UP BND1 shed[32] 82.235428647
 UP BND1 shed[33] 90
 UP BND1 shed[34] 97.764571353
 UP BND1 shed[35] 105
 UP BND1 shed[36] 111.21320344
 UP BND1 shed[37] 115.98076211
 UP BND1 shed[38] 118.97777479
 UP BND1 shed[39] 120
 UP BND1 shed[40] 118.97777479
 UP BND1 shed[41] 115.98076211
 UP BND1 shed[42] 111.21320344
 UP BND1 shed[43] 105
 UP BND1 shed[44] 97.764571353
 UP BND1 shed[45] 90
 UP BND1 shed[46] 82.235428647
 UP BND1 shed[47] 75
 UP BND1 shed[48] 68.786796564
 UP BND1 shed[49] 64.019237886
 UP BND1 shed[50] 61.022225211
 UP BND1 shed[51] 60
 UP BND1 shed[52] 61.022225211
 UP BND1 shed[53] 64.019237886
 UP BND1 shed[54] 68.786796564
 UP BND1 shed[55] 75
 UP BND1 shed[56] 82.235428647
 UP BND1 shed[57] 90
 UP BND1 shed[58] 97.764571353
 UP BND1 shed[59] 105
 UP BND1 shed[60] 111.21320344
 UP BND1 shed[61] 115.98076211
 UP BND1 shed[62] 118.97777479
 UP BND1 shed[63] 120
 UP BND1 shed[64] 118.97777479
 UP BND1 shed[65] 115.98076211
 UP BND1 shed[66] 111.21320344
 UP BND1 shed[67] 105
 UP BND1 shed[68] 97.764571353
 UP BND1 shed[69] 90
 UP BND1 shed[70] 82.235428647
 UP BND1 shed[71] 75
 UP BND1 shed[72] 68.786796564
 UP BND1 shed[73] 64.019237886
 UP BND1 shed[74] 61.022225211
 UP BND1 shed[75] 60
 UP BND1 shed[76] 61.022225211
 UP BND1 shed[77] 64.019237886
 UP BND1 shed[78] 68.786796564
 UP BND1 shed[79] 75
 UP BND1 shed[80] 82.235428647
 UP BND1 shed[81] 90
 UP BND1 shed[82] 97.764571353
 UP BND1 shed[83] 105
 UP BND1 shed[84] 111.21320344
 UP BND1 shed[85] 115.98076211
 UP BND1 shed[86] 118.97777479
 UP BND1 shed[87] 120
 UP BND1 shed[88] 118.97777479
 UP BND1 shed[89] 115.98076211
 UP BND1 shed[90] 111.21320344
 UP BND1 shed[91] 105
 UP BND1 shed[92] 97.764571353
 UP BND1 shed[93] 90
 UP BND1 shed[94] 82.235428647
 UP BND1 shed[95] 75
 UP BND1 shed[96] 68.786796564
 UP BND1 shed[97] 64.019237886
 UP BND1 shed[98] 61.022225211
 UP BND1 shed[99] 60
 UP BND1 shed[100] 61.022225211
 UP BND1 shed[101] 64.019237886
 UP BND1 shed[102] 68.786796564
 UP BND1 shed[103] 75
 UP BND1 shed[104] 82.235428647
 UP BND1 shed[105] 90
 UP BND1 shed[106] 97.764571353
 UP BND1 shed[107] 105
 UP BND1 shed[108] 111.21320344
 UP BND1 shed[109] 115.98076211
 UP BND1 shed[110] 118.97777479
 UP BND1 shed[111] 120
 UP BND1 shed[112] 118.97777479
 UP BND1 shed[113] 115.98076211
 UP BND1 shed[114] 111.21320344
 UP BND1 shed[115] 105
 UP BND1 shed[116] 97.764571353
 UP BND1 shed[117] 90
 UP BND1 shed[118] 82.235428647
 UP BND1 shed[119] 75
 UP BND1 shed[120] 68.786796564
 UP BND1 shed[121] 64.019237886
 UP BND1 shed[122] 61.022225211
 UP BND1 shed[123] 60
 UP BND1 shed[124] 61.022225211
 UP BND1 shed[125] 64.019237886
 UP BND1 shed[126] 68.786796564
 UP BND1 shed[127] 75
 UP BND1 shed[128] 82.235428647
 UP BND1 shed[129] 90
 UP BND1 shed[130] 97.764571353
 UP BND1 shed[131] 105
 UP BND1 shed[132] 111.21320344
 UP BND1 shed[133] 115.98076211
 UP BND1 shed[134] 118.97777479
 UP BND1 shed[135] 120
 UP BND1 shed[136] 118.97777479
 UP BND1 shed[137] 115.98076211
 UP BND1 shed[138] 111.21320344
 UP BND1 shed[139] 105
 UP BND1 shed[140] 97.764571353
 UP BND1 shed[141] 90
 UP BND1 shed[142] 82.235428647
 UP BND1 shed[143] 75
 UP BND1 shed[144] 68.786796564
 UP BND1 shed[145] 64.019237886
 UP BND1 shed[146] 61.022225211
 UP BND1 shed[147] 60
 UP BND1 shed[148] 61.022225211
 UP BND1 shed[149] 64.019237886
 UP BND1 shed[150] 68.786796564
 UP BND1 shed[151] 75
 UP BND1 shed[152] 82.235428647
 UP BND1 shed[153] 90
 UP BND1 shed[154] 97.764571353
 UP BND1 shed[155] 105
 UP BND1 shed[156] 111.21320344
 UP BND1 shed[157] 115.98076211
 UP BND1 shed[158] 118.97777479
 UP BND1 shed[159] 120
 UP BND1 shed[160] 118.97777479
 UP BND1 shed[161] 115.98076211
 UP BND1 shed[162] 111.21320344
 UP BND1 shed[163] 105
 UP BND1 shed[164] 97.764571353
 UP BND1 shed[165] 90
 UP BND1 shed[166] 82.235428647
 UP BND1 shed[167] 75
ENDATA
