package modelio

// The safetensors format: an 8-byte little-endian header length n, n bytes
// of JSON mapping each tensor name to {"dtype", "shape", "data_offsets"}
// (plus an optional "__metadata__" of strings), then the tensors' bytes,
// little-endian and row-major, each at [begin, end) of the data that follows
// the header. github.com/nlpodyssey/safetensors parses and validates it
// (offsets contiguous from 0, each range the size its dtype and shape say,
// the data ending where the file ends); this file adds what that library
// lets through (a name given twice in the header, where its JSON decoding
// keeps the last) and converts the values exactly.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/nlpodyssey/safetensors"
)

var safetensorsTypes = map[safetensors.DType]elemType{
	safetensors.F16:  {kind: 'f', size: 2},
	safetensors.BF16: {kind: 'b', size: 2},
	safetensors.F32:  {kind: 'f', size: 4},
	safetensors.F64:  {kind: 'f', size: 8},
	safetensors.I8:   {kind: 'i', size: 1},
	safetensors.I16:  {kind: 'i', size: 2},
	safetensors.I32:  {kind: 'i', size: 4},
	safetensors.I64:  {kind: 'i', size: 8},
	safetensors.U8:   {kind: 'u', size: 1},
	safetensors.U16:  {kind: 'u', size: 2},
	safetensors.U32:  {kind: 'u', size: 4},
	safetensors.U64:  {kind: 'u', size: 8},
}

// ReadSafetensors reads every tensor of a .safetensors file exactly, in the
// order of their data in the file. file names the input in errors. It reads
// r to its end; what it allocates is bounded by the bytes read and by
// lim.MaxValues.
func ReadSafetensors(r io.Reader, file string, lim Limits) ([]*Tensor, error) {
	buf, err := io.ReadAll(r)
	if err != nil {
		return nil, &FormatError{File: file, Msg: "reading", Err: err}
	}
	if err := checkSafetensorsHeader(buf, file); err != nil {
		return nil, err
	}
	st, err := safetensors.Deserialize(buf)
	if err != nil {
		return nil, &FormatError{File: file, Msg: "not a valid safetensors file", Err: err}
	}
	views := st.Tensors()
	total := 0
	shapes := make([][]int, len(views))
	for i, v := range views {
		if _, ok := safetensorsTypes[v.TensorView.DType()]; !ok {
			return nil, &FormatError{File: file, Tensor: v.Name, Msg: fmt.Sprintf("dtype %s is not a number type ftcheck reads (F16, BF16, F32, F64, I8…I64, U8…U64)", v.TensorView.DType())}
		}
		n, shape, ok := intShape(v.TensorView.Shape(), lim.maxValues()-total)
		if !ok {
			return nil, limitErr(file, v.Name, total+n, lim.maxValues())
		}
		total += n
		shapes[i] = shape
	}
	out := make([]*Tensor, len(views))
	for i, v := range views {
		tv := v.TensorView
		t, err := decodeTensor(file, v.Name, tv.DType().String(), safetensorsTypes[tv.DType()], shapes[i], tv.Data(), false)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

// intShape converts a header's shape to ints; n is its element count, and
// ok is false when that exceeds max (n is then a lower bound, at least max+1).
func intShape(s []uint64, max int) (n int, shape []int, ok bool) {
	shape = make([]int, len(s))
	for i, d := range s {
		if d > math.MaxInt {
			return max + 1, nil, false
		}
		shape[i] = int(d)
	}
	n, ok = elementCount(shape, max)
	if !ok {
		return max + 1, nil, false
	}
	return n, shape, true
}

// checkSafetensorsHeader gives the file's first faults a message of their
// own: a file too short for its header, and tensor names given twice.
func checkSafetensorsHeader(buf []byte, file string) error {
	if len(buf) < 8 {
		return &FormatError{File: file, Msg: fmt.Sprintf("%d bytes, too short for the 8-byte header length of a safetensors file", len(buf))}
	}
	n := binary.LittleEndian.Uint64(buf)
	if n > uint64(len(buf)-8) {
		msg := fmt.Sprintf("header length %d is beyond the %d bytes that follow it (truncated file?)", n, len(buf)-8)
		if int64(n) < 0 {
			msg = fmt.Sprintf("header length %d is negative as a signed 64-bit number", int64(n))
		}
		return &FormatError{File: file, Msg: msg}
	}
	if err := duplicateKeys(buf[8 : 8+n]); err != nil {
		return &FormatError{File: file, Msg: "header", Err: err}
	}
	return nil
}

// duplicateKeys reports the first key that an object of the JSON text js
// has twice. Malformed JSON is left to the full decoder (nil here).
func duplicateKeys(js []byte) error {
	err := walkJSON(json.NewDecoder(bytes.NewReader(js)), "", 0)
	if errors.Is(err, errMalformed) {
		return nil
	}
	return err
}

var errMalformed = errors.New("malformed JSON")

// walkJSON reads one JSON value from dec, failing on a repeated key; path
// says where the value is, for the message. A valid header nests 3 deep:
// deeper is malformed, and stopping there bounds the recursion.
func walkJSON(dec *json.Decoder, path string, depth int) error {
	tok, err := dec.Token()
	if err != nil || depth > 8 {
		return errMalformed
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return errMalformed
			}
			key, _ := k.(string)
			if seen[key] {
				return fmt.Errorf("%q is given twice%s", key, path)
			}
			seen[key] = true
			if err := walkJSON(dec, fmt.Sprintf(" in %q", key), depth+1); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil { // '}'
			return errMalformed
		}
	case json.Delim('['):
		for dec.More() {
			if err := walkJSON(dec, path, depth+1); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil { // ']'
			return errMalformed
		}
	}
	return nil
}

// rawTensor is a tensor as a writer stores it: a name, a shape and its
// little-endian bytes.
type rawTensor struct {
	name  string
	dtype safetensors.DType
	shape []int
	data  []byte
}

func (t rawTensor) DType() safetensors.DType { return t.dtype }
func (t rawTensor) Data() []byte             { return t.data }
func (t rawTensor) DataLen() uint64          { return uint64(len(t.data)) }
func (t rawTensor) Shape() []uint64 {
	s := make([]uint64, len(t.shape))
	for i, d := range t.shape {
		s[i] = uint64(d)
	}
	return s
}

// writeSafetensors writes ts with the metadata {"format": "pt"} that
// PyTorch's safetensors writer puts there. The library orders tensors by
// dtype and name, and JSON keys are sorted: the bytes depend on ts only.
func writeSafetensors(w io.Writer, ts []rawTensor) error {
	m := make(map[string]rawTensor, len(ts))
	for _, t := range ts {
		m[t.name] = t
	}
	return safetensors.SerializeToWriter(m, map[string]string{"format": "pt"}, w)
}

// sortedNames is for messages: the names of ts, sorted.
func sortedNames(ts []*Tensor) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
