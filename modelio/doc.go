// Package modelio reads and writes real model files exactly: networks as
// PyTorch writes them (.safetensors, or .npz from numpy.savez of a
// state_dict), data sets as NumPy writes them (.npy, .npz).
//
// # Exactness
//
// Every float of a file is a dyadic rational p/2^k, and the readers return
// that rational as a *big.Rat, bit for bit: float16 and bfloat16 decoded
// from their bits, float32 and float64 through big.Rat.SetFloat64; integer
// dtypes are read as integers. NaN and infinities have no rational value:
// they are *NotFiniteError naming the tensor and the element's index.
// Writers go the other way and cannot always be exact (1/3 is no float):
// they store the nearest float64 (or float32) and return an *Export saying
// whether every value survived and, if not, the largest error, computed in
// rationals, and where it is.
//
// # Networks
//
// A network's layers are PyTorch Linear layers, ReLU after every one but
// the last, exactly oracle.Network: layer L's tensors are L.weight (out ×
// in, the shape of oracle.Layer.W) and L.bias (out; zero when absent). The
// order of the layers comes from nn.Sequential numbering (0.weight,
// 2.weight, … by number, under one common prefix such as "net.") or from
// an explicit list of layer names (NetworkFromTensors, ParseLayers). The
// shapes must chain; the last layer may have any number C ≥ 1 of outputs
// (a classifier's logits).
//
// # Data
//
// A data set is X (K × d, or K for d = 1) and labels y or z (K, or K × C):
// the arrays of a .npz archive or a pair of .npy files (Data). Points
// without labels (to keep unchanged) are the rows of one .npy or the X of a
// .npz (ReadPointsFile).
//
// # CSV dialects
//
// NewDialectReader turns a CSV as pandas or Excel writes it into the plain
// format the readers of package oracle and the command take: a UTF-8 byte
// order mark at the start is dropped, and so is a pandas index column (a
// first column whose header is empty or "Unnamed: 0") when its values are
// exactly 0, 1, 2, …; CR LF line ends pass through. A byte order mark
// anywhere else, a UTF-16 file, a lone CR or any other index is a
// *CSVDialectError naming the file and line, with the fix. Nothing is
// guessed: a first column with any other header is data.
//
// # Hostile files
//
// Readers return errors, never panic, on truncated files, bad headers
// (lengths huge, negative or past the end; offsets out of range; names
// given twice), unknown dtypes and wrong shapes. What they allocate is
// bounded by the bytes actually read and by Limits.MaxValues, checked
// against shapes before values are decoded (a deflated .npz can claim far
// more than its size). The fuzz targets FuzzReadSafetensors, FuzzReadNPZ
// and FuzzReadNPY hold them to this, and FuzzDialectReader the CSV
// dialect transform.
//
// # Libraries
//
// github.com/nlpodyssey/safetensors parses and validates safetensors
// headers and writes safetensors files. NPY headers are parsed here:
// codeberg.org/sbinet/npyio's reader panics on some malformed headers and
// is used only in tests, as an independent NPY writer and reader.
package modelio
