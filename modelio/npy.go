package modelio

// The NPY format (numpy.lib.format): the magic "\x93NUMPY", a major and a
// minor version byte, the header length (2 bytes little-endian in version
// 1, 4 bytes in versions 2 and 3), and a header that is a Python dict
// literal ending in "\n":
//
//	{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
//
// then the elements, row-major (column-major when fortran_order is True).
// descr is '<' (little-endian), '>' (big-endian) or '|' (one byte), a kind
// (f, i, u) and a size in bytes. The header is parsed here rather than by
// codeberg.org/sbinet/npyio, whose reader panics on a header without its
// final newline or with the keys in another order, and sizes its buffers by
// the header's word before reading the data.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const (
	npyMagic = "\x93NUMPY"
	// maxNPYHeader bounds the header's length. numpy itself refuses headers
	// over 10000 bytes by default; a shape tuple needs a few dozen.
	maxNPYHeader = 1 << 16
)

// npyHeader is a parsed NPY header.
type npyHeader struct {
	descr   string
	typ     elemType
	fortran bool
	shape   []int
}

// ReadNPY reads one array from a .npy file exactly. file names the input in
// errors and tensor names the array (the file's base name, say). The whole
// of r must be the array: bytes after its data are an error.
func ReadNPY(r io.Reader, file, tensor string, lim Limits) (*Tensor, error) {
	return readNPY(r, file, tensor, lim.maxValues())
}

// readNPY reads one array allowed at most max elements.
func readNPY(r io.Reader, file, tensor string, max int) (*Tensor, error) {
	h, err := readNPYHeader(r)
	if err != nil {
		return nil, &FormatError{File: file, Tensor: tensor, Msg: "NPY header", Err: err}
	}
	n, ok := elementCount(h.shape, max)
	if !ok {
		return nil, limitErr(file, tensor, max+1, max)
	}
	need := int64(n) * int64(h.typ.size)
	var data bytes.Buffer // grows with what arrives, not with what the header says
	got, err := io.Copy(&data, io.LimitReader(r, need))
	if err != nil {
		return nil, &FormatError{File: file, Tensor: tensor, Msg: "reading the data", Err: err}
	}
	if got < need {
		return nil, &FormatError{File: file, Tensor: tensor, Msg: fmt.Sprintf("truncated: shape %v of %s needs %d bytes of data, the file has %d", h.shape, h.descr, need, got)}
	}
	var one [1]byte
	if k, err := io.ReadFull(r, one[:]); k > 0 {
		return nil, &FormatError{File: file, Tensor: tensor, Msg: fmt.Sprintf("bytes after the %d of data that shape %v of %s takes", need, h.shape, h.descr)}
	} else if err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, &FormatError{File: file, Tensor: tensor, Msg: "reading the data", Err: err}
	}
	return decodeTensor(file, tensor, h.descr, h.typ, h.shape, data.Bytes(), h.fortran)
}

// readNPYHeader reads the magic, version and header of an NPY stream.
func readNPYHeader(r io.Reader) (*npyHeader, error) {
	var pre [8]byte
	if _, err := io.ReadFull(r, pre[:]); err != nil {
		return nil, fmt.Errorf("too short for the magic and version: %w", err)
	}
	if string(pre[:6]) != npyMagic {
		return nil, fmt.Errorf("does not start with the NPY magic \\x93NUMPY")
	}
	var hlen uint64
	switch pre[6] {
	case 1:
		var b [2]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, fmt.Errorf("reading the header length: %w", err)
		}
		hlen = uint64(binary.LittleEndian.Uint16(b[:]))
	case 2, 3:
		var b [4]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, fmt.Errorf("reading the header length: %w", err)
		}
		hlen = uint64(binary.LittleEndian.Uint32(b[:]))
	default:
		return nil, fmt.Errorf("format version %d.%d, want 1.0, 2.0 or 3.0", pre[6], pre[7])
	}
	if hlen > maxNPYHeader {
		return nil, fmt.Errorf("header length %d is over the limit of %d bytes", hlen, maxNPYHeader)
	}
	hdr := make([]byte, hlen)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return nil, fmt.Errorf("truncated: the header should have %d bytes: %w", hlen, err)
	}
	return parseNPYHeader(string(hdr))
}

// parseNPYHeader parses the dict literal of an NPY header: exactly the keys
// descr, fortran_order and shape, in any order, then spaces and a newline.
func parseNPYHeader(s string) (*npyHeader, error) {
	p := &dictParser{s: s}
	h := &npyHeader{}
	seen := map[string]bool{}
	if err := p.expect('{'); err != nil {
		return nil, err
	}
	for !p.peek('}') {
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		if seen[key] {
			return nil, fmt.Errorf("key %q is given twice", key)
		}
		seen[key] = true
		if err := p.expect(':'); err != nil {
			return nil, err
		}
		if err := h.value(p, key); err != nil {
			return nil, err
		}
		if !p.peek('}') {
			if err := p.expect(','); err != nil {
				return nil, err
			}
		}
	}
	p.pos++ // '}'
	if rest := strings.Trim(s[p.pos:], " \t\n\x00"); rest != "" {
		return nil, fmt.Errorf("unexpected %q after the header's dict", rest)
	}
	for _, k := range []string{"descr", "fortran_order", "shape"} {
		if !seen[k] {
			return nil, fmt.Errorf("header has no %q", k)
		}
	}
	return h, nil
}

// value parses the value of key into h.
func (h *npyHeader) value(p *dictParser, key string) error {
	switch key {
	case "descr":
		if p.peek('[') {
			return fmt.Errorf("structured dtype (a list of fields) is not an array of numbers")
		}
		d, err := p.str()
		if err != nil {
			return err
		}
		h.descr = d
		h.typ, err = npyType(d)
		return err
	case "fortran_order":
		w := p.word()
		if w != "True" && w != "False" {
			return fmt.Errorf("fortran_order is %q, want True or False", w)
		}
		h.fortran = w == "True"
		return nil
	case "shape":
		var err error
		h.shape, err = p.tuple()
		return err
	}
	return fmt.Errorf("unknown header key %q", key)
}

// npyType is the element type of a descr string such as '<f4'.
func npyType(d string) (elemType, error) {
	bad := fmt.Errorf("dtype %q is not a number type ftcheck reads (<f2, <f4, <f8, integers; < or > byte order)", d)
	if len(d) >= 2 && d[1] == 'V' {
		return elemType{}, fmt.Errorf("dtype %q is raw bytes (NumPy stores bfloat16 so): save as float32 or use .safetensors", d)
	}
	if len(d) != 3 {
		return elemType{}, bad
	}
	t := elemType{size: int(d[2] - '0')}
	switch d[0] {
	case '<':
	case '>':
		t.bigE = true
	case '|':
		if t.size != 1 {
			return elemType{}, bad
		}
	default:
		return elemType{}, bad
	}
	switch k := d[1]; {
	case k == 'f' && (t.size == 2 || t.size == 4 || t.size == 8),
		(k == 'i' || k == 'u') && (t.size == 1 || t.size == 2 || t.size == 4 || t.size == 8):
		t.kind = k
		return t, nil
	}
	return elemType{}, bad
}

// dictParser reads the Python literals of an NPY header.
type dictParser struct {
	s   string
	pos int
}

func (p *dictParser) skip() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t') {
		p.pos++
	}
}

func (p *dictParser) peek(c byte) bool {
	p.skip()
	return p.pos < len(p.s) && p.s[p.pos] == c
}

func (p *dictParser) expect(c byte) error {
	if !p.peek(c) {
		return fmt.Errorf("header column %d: want %q", p.pos+1, c)
	}
	p.pos++
	return nil
}

// str reads a quoted string without escapes.
func (p *dictParser) str() (string, error) {
	p.skip()
	if p.pos >= len(p.s) || (p.s[p.pos] != '\'' && p.s[p.pos] != '"') {
		return "", fmt.Errorf("header column %d: want a quoted string", p.pos+1)
	}
	q := p.s[p.pos]
	end := strings.IndexByte(p.s[p.pos+1:], q)
	if end < 0 {
		return "", fmt.Errorf("header column %d: unterminated string", p.pos+1)
	}
	v := p.s[p.pos+1 : p.pos+1+end]
	p.pos += end + 2
	return v, nil
}

// word reads letters, digits and underscores.
func (p *dictParser) word() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if c != '_' && (c < '0' || c > '9') && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			break
		}
		p.pos++
	}
	return p.s[start:p.pos]
}

// tuple reads a tuple of non-negative integers: (), (3,), (2, 3), with a
// trailing comma allowed and Python 2's L suffix ((3) is read as (3,)).
func (p *dictParser) tuple() ([]int, error) {
	if err := p.expect('('); err != nil {
		return nil, err
	}
	shape := []int{}
	for !p.peek(')') {
		w := strings.TrimSuffix(p.word(), "L")
		d, err := strconv.Atoi(w)
		if err != nil || d < 0 {
			return nil, fmt.Errorf("shape entry %q is not a size", w)
		}
		shape = append(shape, d)
		if !p.peek(')') {
			if err := p.expect(','); err != nil {
				return nil, err
			}
		}
	}
	p.pos++
	return shape, nil
}
