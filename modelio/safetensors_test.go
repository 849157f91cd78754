package modelio

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// fixtureHeader and fixtureData are a .safetensors file of a 2-3-1 network
// written out by hand, byte by byte, with no code of this package: the
// float32 bit patterns of
//
//	0.weight = [[0.1, -0.5], [1, 2], [0.25, -3]]   0.bias = [0, 0.1, -1]
//	2.weight = [[1, -1, 0.5]]                      2.bias = [0.125]
//
// little-endian (0.1 is 0x3DCCCCCD, stored CD CC CC 3D), at the offsets the
// header gives.
const fixtureHeader = `{"0.weight":{"dtype":"F32","shape":[3,2],"data_offsets":[0,24]},` +
	`"0.bias":{"dtype":"F32","shape":[3],"data_offsets":[24,36]},` +
	`"2.weight":{"dtype":"F32","shape":[1,3],"data_offsets":[36,48]},` +
	`"2.bias":{"dtype":"F32","shape":[1],"data_offsets":[48,52]},` +
	`"__metadata__":{"format":"pt"}}`

const fixtureData = "CDCCCC3D" + "000000BF" + "0000803F" + "00000040" + "0000803E" + "000040C0" + // 0.weight
	"00000000" + "CDCCCC3D" + "000080BF" + // 0.bias
	"0000803F" + "000080BF" + "0000003F" + // 2.weight
	"0000003E" // 2.bias

// stFile is a safetensors file of the given header and data.
func stFile(header string, data []byte) []byte {
	b := binary.LittleEndian.AppendUint64(nil, uint64(len(header)))
	return append(append(b, header...), data...)
}

func fixtureFile(t testing.TB) []byte {
	data, err := hex.DecodeString(fixtureData)
	if err != nil {
		t.Fatal(err)
	}
	return stFile(fixtureHeader, data)
}

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("bad rational " + s)
	}
	return r
}

// fixtureNet is the exact network of the fixture: float32's 0.1 is
// 13421773/2^27, slightly above 1/10.
func fixtureNet() *oracle.Network {
	tenth := "13421773/134217728"
	row := func(s ...string) []*big.Rat {
		v := make([]*big.Rat, len(s))
		for i, x := range s {
			v[i] = rat(x)
		}
		return v
	}
	return &oracle.Network{Layers: []oracle.Layer{
		{W: [][]*big.Rat{row(tenth, "-1/2"), row("1", "2"), row("1/4", "-3")}, B: row("0", tenth, "-1")},
		{W: [][]*big.Rat{row("1", "-1", "1/2")}, B: row("1/8")},
	}}
}

// sameNet reports the first difference between two networks, or "".
func sameNet(a, b *oracle.Network) string {
	if len(a.Layers) != len(b.Layers) {
		return "layer counts differ"
	}
	for li := range a.Layers {
		la, lb := a.Layers[li], b.Layers[li]
		if la.Out() != lb.Out() || la.In() != lb.In() || len(la.B) != len(lb.B) {
			return "shapes differ at layer " + string(rune('0'+li))
		}
		for r := range la.W {
			for c := range la.W[r] {
				if la.W[r][c].Cmp(lb.W[r][c]) != 0 {
					return "W differs at layer " + string(rune('0'+li)) + ": " + la.W[r][c].String() + " vs " + lb.W[r][c].String()
				}
			}
			if la.B[r].Cmp(lb.B[r]) != 0 {
				return "b differs at layer " + string(rune('0'+li))
			}
		}
	}
	return ""
}

// The hand-written fixture reads as the exact network its floats denote.
func TestReadSafetensorsFixture(t *testing.T) {
	ts, err := ReadSafetensors(bytes.NewReader(fixtureFile(t)), "fixture.safetensors", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	net, err := NetworkFromTensors(ts, "fixture.safetensors", nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := sameNet(net, fixtureNet()); d != "" {
		t.Fatal(d)
	}
	if got := net.Layers[0].W[0][0].RatString(); got != "13421773/134217728" {
		t.Errorf("0.1 as float32 read as %s, want 13421773/134217728", got)
	}
	if err := net.Validate(); err != nil {
		t.Errorf("fixture network invalid: %v", err)
	}
}

// Each dtype's bytes read as their exact value; bfloat16 and float16 of
// 0.1 are the nearest of those types, not 1/10.
func TestReadSafetensorsDTypes(t *testing.T) {
	for _, c := range []struct {
		dtype, hex, want string
	}{
		{"F64", "9A9999999999B93F", "3602879701896397/36028797018963968"}, // 0.1
		{"F32", "CDCCCC3D", "13421773/134217728"},
		{"F16", "662E", "1638/16384"}, // 0x2E66 ≈ 0.0999755859375
		{"BF16", "CD3D", "205/2048"},  // 0x3DCD ≈ 0.10009765625
		{"F16", "0100", "1/16777216"}, // smallest subnormal 2^-24
		{"F16", "FF7B", "65504"},      // largest finite
		{"BF16", "80BF", "-1"},
		{"I8", "FE", "-2"},
		{"I16", "FEFF", "-2"},
		{"I32", "FEFFFFFF", "-2"},
		{"I64", "FEFFFFFFFFFFFFFF", "-2"},
		{"U8", "FE", "254"},
		{"U16", "FEFF", "65534"},
		{"U32", "FEFFFFFF", "4294967294"},
		{"U64", "FEFFFFFFFFFFFFFF", "18446744073709551614"},
	} {
		data, _ := hex.DecodeString(c.hex)
		hdr := `{"v":{"dtype":"` + c.dtype + `","shape":[],"data_offsets":[0,` + itoa(len(data)) + `]}}`
		ts, err := ReadSafetensors(bytes.NewReader(stFile(hdr, data)), "d.safetensors", DefaultLimits)
		if err != nil {
			t.Errorf("%s %s: %v", c.dtype, c.hex, err)
			continue
		}
		if got := ts[0].Values[0]; got.Cmp(rat(c.want)) != 0 {
			t.Errorf("%s %s = %s, want %s", c.dtype, c.hex, got.RatString(), c.want)
		}
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

// badSafetensors are files each reader must refuse with an error whose text
// contains want.
var badSafetensors = []struct {
	name string
	file []byte
	want string
}{
	{"empty", nil, "too short"},
	{"short length", []byte{1, 2, 3}, "too short"},
	{"huge header length", append(binary.LittleEndian.AppendUint64(nil, 1<<40), "{}"...), "beyond"},
	{"negative header length", append(binary.LittleEndian.AppendUint64(nil, 1<<63+5), "{}"...), "negative"},
	{"truncated data", stFile(fixtureHeader, make([]byte, 51)), "not a valid safetensors"},
	{"truncated header", stFile(fixtureHeader, nil)[:100], "beyond"},
	{"offset out of range", stFile(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,400]}}`, make([]byte, 4)), "not a valid"},
	{"offsets overlap", stFile(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, make([]byte, 4)), "not a valid"},
	{"offsets reversed", stFile(`{"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}`, make([]byte, 4)), "not a valid"},
	{"shape and size disagree", stFile(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}`, make([]byte, 4)), "not a valid"},
	{"shape overflows", stFile(`{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}}`, make([]byte, 4)), "not a valid"},
	{"negative shape", stFile(`{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}`, make([]byte, 4)), "not a valid"},
	{"duplicate tensor", stFile(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, make([]byte, 4)), `"a" is given twice`},
	{"duplicate key in tensor", stFile(`{"a":{"dtype":"F32","dtype":"F64","shape":[1],"data_offsets":[0,4]}}`, make([]byte, 4)), `"dtype" is given twice in "a"`},
	{"unknown dtype", stFile(`{"a":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}}`, make([]byte, 1)), "F8_E4M3"},
	{"bool dtype", stFile(`{"a":{"dtype":"BOOL","shape":[1],"data_offsets":[0,1]}}`, make([]byte, 1)), "BOOL is not a number type"},
	{"not json", stFile(`{"a":`, nil), "not a valid"},
	{"NaN", stFile(`{"w":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]}}`, []byte{0, 0, 0, 0, 0, 0, 0xC0, 0x7F}), `"w"[0,1] is NaN`},
	{"+Inf f16", stFile(`{"w":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}`, []byte{0, 0x7C, 0, 0}), `"w"[0] is +Inf`},
	{"-Inf bf16", stFile(`{"w":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]}}`, []byte{0, 0, 0x80, 0xFF}), `"w"[1] is -Inf`},
	{"NaN f64", stFile(`{"w":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}`, []byte{1, 0, 0, 0, 0, 0, 0xF0, 0x7F}), `"w"[0] is NaN`},
}

// Every malformed file is an error saying what is wrong, never a panic.
func TestReadSafetensorsBad(t *testing.T) {
	for _, c := range badSafetensors {
		_, err := ReadSafetensors(bytes.NewReader(c.file), "bad.safetensors", DefaultLimits)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// A file holding more numbers than MaxValues is refused before decoding,
// with the limit named.
func TestReadSafetensorsLimit(t *testing.T) {
	_, err := ReadSafetensors(bytes.NewReader(fixtureFile(t)), "f.safetensors", Limits{MaxValues: 10})
	var le *oracle.LimitError
	if !errors.As(err, &le) || le.Limit != "max-values" {
		t.Fatalf("error %v, want a max-values limit error", err)
	}
	if _, err := ReadSafetensors(bytes.NewReader(fixtureFile(t)), "f.safetensors", Limits{MaxValues: 13}); err != nil {
		t.Fatalf("13 values under a limit of 13: %v", err)
	}
}

// A header nested a million deep is refused, not walked to the bottom.
func TestReadSafetensorsDeepHeader(t *testing.T) {
	deep := `{"a":` + strings.Repeat("[", 1e6) + strings.Repeat("]", 1e6) + "}"
	if _, err := ReadSafetensors(bytes.NewReader(stFile(deep, nil)), "deep.safetensors", DefaultLimits); err == nil {
		t.Fatal("deep header accepted")
	}
}
