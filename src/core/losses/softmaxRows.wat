;; The softmax-gradient rows of wasmSoftmaxRows.ts in WebAssembly SIMD: jsSoftmaxGradientRows's arithmetic on two
;; lanes (f64x2), lane 0 holding a row's even classes and lane 1 its odd ones, so that both kernels sum in the same
;; order and agree bit for bit. exp is fastExp.ts's expInRange; its float constants and 2^(j/256) table come from
;; there through `init` and bytes 0..2048 of the memory. Assembled into softmaxRowsWasm.ts by scripts/wasm.ts.
(module
  (memory (export "memory") 1)
  (global $stepsPerLn2 (mut f64) (f64.const 0))
  (global $stepHi (mut f64) (f64.const 0))
  (global $stepLo (mut f64) (f64.const 0))
  (global $sixth (mut f64) (f64.const 0))
  (global $twentyFourth (mut f64) (f64.const 0))

  (func (export "init") (param f64 f64 f64 f64 f64)
    (global.set $stepsPerLn2 (local.get 0))
    (global.set $stepHi (local.get 1))
    (global.set $stepLo (local.get 2))
    (global.set $sixth (local.get 3))
    (global.set $twentyFourth (local.get 4)))

  ;; `rows` rows of `classes` values at $in. Per row: out ← exp(x - s) and the row's shift s, Σ exp, Σ (x - s) and,
  ;; when x - s stayed inside (-spread, spread), its largest value (else -1) at $sums (four f64 per row); for a row
  ;; inside, out ← out · (a / Σ exp) - b. s is x[0], or with $byMax the row's max (found as rowKernels.ts's pairMax:
  ;; lanes, then the odd row's last value). classes >= 2 (the loop tests after its first pair). An odd row's last pair reads 8 bytes past the
  ;; row and writes 8 past its output, which the next row overwrites (the caller leaves 8 spare bytes after both
  ;; blocks); its lane 1 counts in no sum.
  (func (export "rows")
    (param $in i32) (param $out i32) (param $sums i32) (param $rows i32) (param $classes i32)
    (param $a f64) (param $b f64) (param $spread f64) (param $byMax i32)
    (local $pairsEnd i32) (local $rowEnd i32) (local $p i32) (local $q i32) (local $tail i32)
    (local $keep v128) (local $shift v128) (local $v v128) (local $e v128)
    (local $lowest v128) (local $highest v128) (local $sumExp v128) (local $sumShift v128)
    (local $rounded v128) (local $k v128) (local $r v128) (local $index v128) (local $fraction v128)
    (local $stepsPerLn2 v128) (local $stepHi v128) (local $stepLo v128) (local $sixth v128) (local $twentyFourth v128)
    (local $rounder v128) (local $offset v128) (local $total f64) (local $inside i32) (local $max f64)
    (local.set $stepsPerLn2 (f64x2.splat (global.get $stepsPerLn2)))
    (local.set $stepHi (f64x2.splat (global.get $stepHi)))
    (local.set $stepLo (f64x2.splat (global.get $stepLo)))
    (local.set $sixth (f64x2.splat (global.get $sixth)))
    (local.set $twentyFourth (f64x2.splat (global.get $twentyFourth)))
    ;; 1.5·2^52: adding and subtracting it rounds to an integer.
    (local.set $rounder (v128.const f64x2 6755399441055744 6755399441055744))
    (local.set $offset (f64x2.splat (local.get $b)))
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (local.set $rowEnd (i32.add (local.get $in) (i32.shl (local.get $classes) (i32.const 3))))
        (local.set $pairsEnd (i32.sub (local.get $rowEnd) (i32.shl (i32.and (local.get $classes) (i32.const 1)) (i32.const 3))))
        (local.set $tail (i32.and (local.get $classes) (i32.const 1)))
        (local.set $keep (v128.const i64x2 -1 -1))
        (local.set $shift (v128.load64_splat (local.get $in)))
        (if (local.get $byMax)
          (then
            (local.set $p (local.get $in))
            (local.set $v (local.get $shift))
            (block $maxed
              (loop $maxPair
                (br_if $maxed (i32.ge_u (local.get $p) (local.get $pairsEnd)))
                (local.set $v (f64x2.pmax (local.get $v) (v128.load align=8 (local.get $p))))
                (local.set $p (i32.add (local.get $p) (i32.const 16)))
                (br $maxPair)))
            (local.set $max (f64.max (f64x2.extract_lane 0 (local.get $v)) (f64x2.extract_lane 1 (local.get $v))))
            (if (local.get $tail)
              (then (local.set $max (f64.max (local.get $max) (f64.load (local.get $pairsEnd))))))
            (local.set $shift (f64x2.splat (local.get $max)))))
        (local.set $lowest (v128.const f64x2 0 0))
        (local.set $highest (v128.const f64x2 0 0))
        (local.set $sumExp (v128.const f64x2 0 0))
        (local.set $sumShift (v128.const f64x2 0 0))
        (local.set $p (local.get $in))
        (local.set $q (local.get $out))
        (block $exps
          (loop $pair
            (local.set $v (v128.and (f64x2.sub (v128.load align=8 (local.get $p)) (local.get $shift)) (local.get $keep)))
            (local.set $lowest (f64x2.pmin (local.get $lowest) (local.get $v)))
            (local.set $highest (f64x2.pmax (local.get $highest) (local.get $v)))
            ;; exp(v) = 2^(k/256) · e^r, k = round(v·256/ln2), r = v - k·ln2/256 (hi and lo parts). $rounded = 1.5·2^52
            ;; + k holds k in its low bits (two's complement), so k mod 256 and k div 256 are read from them.
            (local.set $rounded (f64x2.add (f64x2.mul (local.get $v) (local.get $stepsPerLn2)) (local.get $rounder)))
            (local.set $k (f64x2.sub (local.get $rounded) (local.get $rounder)))
            (local.set $r (f64x2.sub
              (f64x2.sub (local.get $v) (f64x2.mul (local.get $k) (local.get $stepHi)))
              (f64x2.mul (local.get $k) (local.get $stepLo))))
            ;; 2^((k mod 256) / 256) read from the table (at byte 8·(k mod 256)), then times 2^(k div 256) by adding
            ;; k div 256 to its exponent field: exact while the result stays normal, which a row inside the spread
            ;; does, so e^r times it rounds as expInRange's (e^r · fraction) · power.
            (local.set $index (i64x2.shl (v128.and (local.get $rounded) (v128.const i64x2 255 255)) (i32.const 3)))
            (local.set $fraction
              (v128.load64_lane 1 (i32x4.extract_lane 2 (local.get $index))
                (v128.load64_zero (i32x4.extract_lane 0 (local.get $index)))))
            (local.set $fraction (i64x2.add (local.get $fraction)
              (i64x2.shl (i64x2.shr_s (local.get $rounded) (i32.const 8)) (i32.const 52))))
            (local.set $e
              (f64x2.mul
                (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $r)
                  (f64x2.add (v128.const f64x2 1 1) (f64x2.mul (local.get $r)
                    (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $r)
                      (f64x2.add (local.get $sixth) (f64x2.mul (local.get $r) (local.get $twentyFourth)))))))))
                (local.get $fraction)))
            (v128.store align=8 (local.get $q) (local.get $e))
            (local.set $sumExp (f64x2.add (local.get $sumExp) (v128.and (local.get $e) (local.get $keep))))
            (local.set $sumShift (f64x2.add (local.get $sumShift) (local.get $v)))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br_if $pair (i32.lt_u (local.get $p) (local.get $pairsEnd)))
            (br_if $exps (i32.eqz (local.get $tail)))
            (local.set $tail (i32.const 0))
            (local.set $keep (v128.const i64x2 -1 0))
            (br $pair)))
        (local.set $total (f64.add (f64x2.extract_lane 0 (local.get $sumExp)) (f64x2.extract_lane 1 (local.get $sumExp))))
        (local.set $inside (i32.and
          (i32.and
            (f64.gt (f64x2.extract_lane 0 (local.get $lowest)) (f64.neg (local.get $spread)))
            (f64.gt (f64x2.extract_lane 1 (local.get $lowest)) (f64.neg (local.get $spread))))
          (i32.and
            (f64.lt (f64x2.extract_lane 0 (local.get $highest)) (local.get $spread))
            (f64.lt (f64x2.extract_lane 1 (local.get $highest)) (local.get $spread)))))
        (f64.store (local.get $sums) (f64x2.extract_lane 0 (local.get $shift)))
        (f64.store offset=8 (local.get $sums) (local.get $total))
        (f64.store offset=16 (local.get $sums)
          (f64.add (f64x2.extract_lane 0 (local.get $sumShift)) (f64x2.extract_lane 1 (local.get $sumShift))))
        (f64.store offset=24 (local.get $sums)
          (select
            (f64.max (f64x2.extract_lane 0 (local.get $highest)) (f64x2.extract_lane 1 (local.get $highest)))
            (f64.const -1)
            (local.get $inside)))
        (if (local.get $inside)
          (then
            (local.set $e (f64x2.splat (f64.div (local.get $a) (local.get $total))))
            (local.set $q (local.get $out))
            (local.set $rowEnd (i32.add (local.get $out) (i32.shl (local.get $classes) (i32.const 3))))
            (loop $scale
              (v128.store align=8 (local.get $q)
                (f64x2.sub (f64x2.mul (v128.load align=8 (local.get $q)) (local.get $e)) (local.get $offset)))
              (local.set $q (i32.add (local.get $q) (i32.const 16)))
              (br_if $scale (i32.lt_u (local.get $q) (local.get $rowEnd))))))
        (local.set $in (i32.add (local.get $in) (i32.shl (local.get $classes) (i32.const 3))))
        (local.set $out (i32.add (local.get $out) (i32.shl (local.get $classes) (i32.const 3))))
        (local.set $sums (i32.add (local.get $sums) (i32.const 32)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row)))))
