import sys, os, numpy as np, tifffile
from scipy import ndimage
src, dst, f = sys.argv[1], sys.argv[2], float(sys.argv[3])
for sub, order in (('images', 1), ('masks', 0)):
    os.makedirs(os.path.join(dst, sub), exist_ok=True)
    for n in sorted(os.listdir(os.path.join(src, sub))):
        a = tifffile.imread(os.path.join(src, sub, n))
        z = ndimage.zoom(a.astype(np.float32) if order else a, f, order=order, mode='nearest', grid_mode=True)
        if order:
            z = np.clip(np.round(z), 0, np.iinfo(a.dtype).max).astype(a.dtype)
        tifffile.imwrite(os.path.join(dst, sub, n), z)
