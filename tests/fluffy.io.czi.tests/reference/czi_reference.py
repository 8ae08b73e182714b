#!/usr/bin/env python3
"""Independent reference decoder for the expected values in RealCziFilesTest.

Written from the published ZISRAW layout with numpy and the `zstd` command line tool (Debian package
`zstd`); it shares no code with the Java reader. It composites full-resolution tiles onto the bounding
box of all tiles in the file, in order of their M index, and prints the statistics PlaneStats computes:
size, min, max, sum and the CRC-32 of the samples as little-endian int32.

    python3 czi_reference.py FILE [C=0] [Z=0] [T=0] [sample=0]

`sample` picks a sample of BGR pixels in storage order: 0 blue, 1 green, 2 red.
"""
import struct
import subprocess
import sys
import zlib

import numpy as np

TYPES = {0: ('u1', 1), 1: ('<u2', 1), 2: ('<f4', 1), 3: ('u1', 3), 4: ('<u2', 3)}


def entries(path):
    with open(path, 'rb') as f:
        f.seek(32 + 52)
        directory = struct.unpack('<q', f.read(8))[0]
        f.seek(directory + 32)
        count = struct.unpack('<i', f.read(4))[0]
        f.seek(directory + 32 + 128)
        out = []
        for _ in range(count):
            head = f.read(32)
            pixel_type, position = struct.unpack('<iq', head[2:14])
            compression = struct.unpack('<i', head[18:22])[0]
            dims = {}
            for _ in range(struct.unpack('<i', head[28:32])[0]):
                d = f.read(20)
                dims[d[:4].rstrip(b'\0').decode()] = struct.unpack('<iifi', d[4:])  # start, size, coord, stored
            out.append(dict(type=pixel_type, position=position, compression=compression, dims=dims))
        return out


def tile(path, entry):
    with open(path, 'rb') as f:
        f.seek(entry['position'] + 32)
        metadata_size, _, data_size = struct.unpack('<iiq', f.read(16))
        dimension_count = struct.unpack('<i', f.read(32)[28:32])[0]
        f.seek(entry['position'] + 32 + max(256, 48 + 20 * dimension_count) + metadata_size)
        data = f.read(data_size)
    hi_lo = False
    if entry['compression'] == 6:
        header = data[0]
        hi_lo = header >= 3 and data[1] == 1 and data[2] & 1
        data = data[header:]
    if entry['compression'] in (5, 6):
        data = subprocess.run(['zstd', '-d', '-c'], input=data, capture_output=True, check=True).stdout
    elif entry['compression'] != 0:
        raise SystemExit('compression %d is not handled here' % entry['compression'])
    if hi_lo:
        half = len(data) // 2
        low = np.frombuffer(data[:half], np.uint8).astype(np.uint16)
        high = np.frombuffer(data[half:], np.uint8).astype(np.uint16)
        data = (low | high << 8).astype('<u2').tobytes()
    dtype, samples = TYPES[entry['type']]
    width, height = entry['dims']['X'][3], entry['dims']['Y'][3]
    return np.frombuffer(data, dtype, width * height * samples).reshape(height, width, samples)


def plane(path, selection, sample=0):
    full = [e for e in entries(path) if e['dims']['X'][1] == e['dims']['X'][3] and e['dims']['Y'][1] == e['dims']['Y'][3]]
    x0 = min(e['dims']['X'][0] for e in full)
    y0 = min(e['dims']['Y'][0] for e in full)
    x1 = max(e['dims']['X'][0] + e['dims']['X'][1] for e in full)
    y1 = max(e['dims']['Y'][0] + e['dims']['Y'][1] for e in full)
    out = np.zeros((y1 - y0, x1 - x0), np.float64)
    chosen = [e for e in full if all(e['dims'].get(k, (0,))[0] == v for k, v in selection.items())]
    for e in sorted(chosen, key=lambda e: e['dims'].get('M', (-1,))[0]):
        pixels = tile(path, e)
        x, y = e['dims']['X'][0] - x0, e['dims']['Y'][0] - y0
        out[y:y + pixels.shape[0], x:x + pixels.shape[1]] = pixels[:, :, sample]
    return out


def stats(p):
    ints = p.astype('<i4')
    return dict(width=p.shape[1], height=p.shape[0], min=int(p.min()), max=int(p.max()),
                sum=int(ints.astype(np.int64).sum()), crc=zlib.crc32(ints.tobytes()))


if __name__ == '__main__':
    args = dict(a.split('=') for a in sys.argv[2:])
    sample = int(args.pop('sample', 0))
    print(stats(plane(sys.argv[1], {k: int(v) for k, v in args.items()}, sample)))
