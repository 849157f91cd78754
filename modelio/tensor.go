package modelio

// Tensors and the exact value of each element type.
//
// An IEEE 754 binary float with e exponent bits and m fraction bits, bias
// β = 2^(e−1) − 1, stores sign s, exponent field E and fraction F. Its value
// is
//
//	(−1)^s · (2^m + F) · 2^(E − β − m)   for 0 < E < 2^e − 1 (normal),
//	(−1)^s · F · 2^(1 − β − m)           for E = 0 (zero and subnormal),
//
// and E = 2^e − 1 is an infinity (F = 0) or NaN (F ≠ 0). Every finite value
// is thus an integer times a power of two, a dyadic rational that big.Rat
// holds exactly. float16 is (e, m) = (5, 10), bfloat16 (8, 7), float32
// (8, 23), float64 (11, 52). float16 and bfloat16 are decoded by the formula
// (ieeeRat); float32 and float64 go through big.Rat.SetFloat64, which is
// exact, and the tests check the formula against it on both.

import (
	"encoding/binary"
	"math"
	"math/big"
)

// Tensor is one named array of exact numbers, in row-major (C) order.
type Tensor struct {
	Name   string
	DType  string // the element type as the file names it: "F32", "BF16", "<f4", …
	Shape  []int
	Values []*big.Rat
}

// Len is the number of elements, the product of Shape (1 for a scalar).
func (t *Tensor) Len() int { return len(t.Values) }

// elemType decodes one element type of a file.
type elemType struct {
	kind byte // 'f' float, 'b' bfloat16, 'i' signed, 'u' unsigned
	size int  // bytes
	bigE bool // big-endian (some .npy files); safetensors is little-endian
}

// ieeeRat is the exact value of the binary float with e exponent and m
// fraction bits whose bit pattern is bits, or "NaN", "+Inf", "-Inf".
func ieeeRat(bits uint64, e, m uint) (*big.Rat, string) {
	neg := bits>>(e+m)&1 == 1
	exp := int(bits >> m & (1<<e - 1))
	frac := bits & (1<<m - 1)
	bias := 1<<(e-1) - 1
	if exp == 1<<e-1 {
		switch {
		case frac != 0:
			return nil, "NaN"
		case neg:
			return nil, "-Inf"
		}
		return nil, "+Inf"
	}
	shift := 1 - bias - int(m) // subnormal: F · 2^(1−β−m)
	if exp > 0 {
		frac |= 1 << m
		shift = exp - bias - int(m)
	}
	num := new(big.Int).SetUint64(frac)
	if neg {
		num.Neg(num)
	}
	if shift >= 0 {
		return new(big.Rat).SetInt(num.Lsh(num, uint(shift))), ""
	}
	den := new(big.Int).Lsh(big.NewInt(1), uint(-shift))
	return new(big.Rat).SetFrac(num, den), ""
}

// floatRat is the exact value of f, or "NaN", "+Inf", "-Inf".
func floatRat(f float64) (*big.Rat, string) {
	switch {
	case math.IsNaN(f):
		return nil, "NaN"
	case math.IsInf(f, 1):
		return nil, "+Inf"
	case math.IsInf(f, -1):
		return nil, "-Inf"
	}
	return new(big.Rat).SetFloat64(f), ""
}

// bits reads the element at b[0:size] as an unsigned integer.
func (t elemType) bits(b []byte) uint64 {
	var o binary.ByteOrder = binary.LittleEndian
	if t.bigE {
		o = binary.BigEndian
	}
	switch t.size {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(o.Uint16(b))
	case 4:
		return uint64(o.Uint32(b))
	}
	return o.Uint64(b)
}

// decode is the exact value of the element at b[0:size], or the name of a
// value that is not a number.
func (t elemType) decode(b []byte) (*big.Rat, string) {
	u := t.bits(b)
	switch t.kind {
	case 'b':
		return ieeeRat(u, 8, 7)
	case 'i':
		shift := 64 - 8*uint(t.size) // sign-extend
		return new(big.Rat).SetInt64(int64(u<<shift) >> shift), ""
	case 'u':
		return new(big.Rat).SetFrac(new(big.Int).SetUint64(u), big.NewInt(1)), ""
	}
	switch t.size {
	case 2:
		return ieeeRat(u, 5, 10)
	case 4:
		return floatRat(float64(math.Float32frombits(uint32(u))))
	}
	return floatRat(math.Float64frombits(u))
}

// decodeTensor converts data, the elements of a tensor of the given shape
// in row-major order (or column-major when fortran), to exact numbers. The
// caller has checked len(data) = size·∏shape.
func decodeTensor(file, name, dtype string, t elemType, shape []int, data []byte, fortran bool) (*Tensor, error) {
	n := len(data) / t.size
	vals := make([]*big.Rat, n)
	ix := make([]int, len(shape))
	for i := range vals { // i runs in C order; ix is its multi-index
		off := i
		if fortran {
			off = fortranOffset(ix, shape)
		}
		v, bad := t.decode(data[off*t.size:])
		if bad != "" {
			return nil, &NotFiniteError{File: file, Tensor: name, Index: append([]int(nil), ix...), Value: bad}
		}
		vals[i] = v
		increment(ix, shape)
	}
	return &Tensor{Name: name, DType: dtype, Shape: shape, Values: vals}, nil
}

// increment advances the C-order multi-index ix within shape.
func increment(ix, shape []int) {
	for k := len(ix) - 1; k >= 0; k-- {
		ix[k]++
		if ix[k] < shape[k] {
			return
		}
		ix[k] = 0
	}
}

// fortranOffset is the position of element ix in column-major storage.
func fortranOffset(ix, shape []int) int {
	off, stride := 0, 1
	for k := range ix {
		off += ix[k] * stride
		stride *= shape[k]
	}
	return off
}

// elementCount is ∏shape, or ok = false when it exceeds max (or overflows).
func elementCount(shape []int, max int) (n int, ok bool) {
	n = 1
	for _, s := range shape {
		if s < 0 {
			return 0, false
		}
		if s == 0 {
			return 0, true // an empty array, however large the other sides
		}
	}
	for _, s := range shape {
		if n > max/s {
			return 0, false
		}
		n *= s
	}
	return n, true
}
