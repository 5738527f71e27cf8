/**
 * Python run by "Verify with Python": reads a `VerifyCase` as JSON from stdin (never spliced into the code),
 * computes the loss with torch in float64 and prints `{"value", "torch"}` or `{"error"}` as JSON.
 * Each branch of METHODS matches one `VerifyMethod`.
 */
export const VERIFY_SCRIPT = `
import json, site, sys
case = json.load(sys.stdin)
# -I leaves out the user's site-packages; torch installed there (pip install --user) is still found, last.
sys.path.append(site.getusersitepackages())
try:
    import torch
    import torch.nn.functional as F
except ImportError:
    print(json.dumps({"error": "torch is not installed for this interpreter"}))
    sys.exit(0)
x = torch.tensor(case["input"], dtype=torch.float64)
t = torch.tensor(case["target"], dtype=torch.float64)
e, r = case["epsilon"], case["reduction"]

def k_minus_1():
    q = torch.full_like(x, e / (x.shape[-1] - 1)).scatter_(1, t.long().unsqueeze(1), 1 - e)
    rows = -(q * F.log_softmax(x, dim=1)).sum(1)
    return rows.sum() if r == "sum" else rows.mean()

def smoothed_bce(divisor):
    return F.binary_cross_entropy_with_logits(x, t * (1 - e) + e / divisor, reduction=r)

METHODS = {
    "cross_entropy": lambda: F.cross_entropy(x, t.long(), label_smoothing=e, reduction=r),
    "k_minus_1": k_minus_1,
    "nll_loss": lambda: F.nll_loss(F.log_softmax(x, dim=1), t.long(), reduction=r),
    "binary_cross_entropy": lambda: F.binary_cross_entropy(torch.sigmoid(x), t, reduction=r),
    "binary_cross_entropy_with_logits": lambda: F.binary_cross_entropy_with_logits(x, t, reduction=r),
    "binary": lambda: smoothed_bce(2),
    "batch_max_plus_1": lambda: smoothed_bce(t.max() + 1),
    "kl_div": lambda: F.kl_div(F.log_softmax(x, dim=1), t, reduction=r),
}
print(json.dumps({"value": float(METHODS[case["method"]]()), "torch": torch.__version__}))
`;
