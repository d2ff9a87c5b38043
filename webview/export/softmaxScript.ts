// The PyTorch script behind the Logits & softmax view: the step-through of CrossEntropyLoss
// (LogSoftmax then NLLLoss), the softmax-first mistake and both gradients, σ as a two-class
// softmax, and the logistic regression trained with the same loop as the math core.
import type { LabState } from "../../src/shared/labState";

export function softmaxScript(s: LabState["softmax"]): string {
  const points = s.points.filter((p) => p.label < s.classes);
  const binary = s.classes === 2;
  return `# Reproduces Sigmoid Lab's Logits & softmax view with PyTorch (float64).
# Run: python3 logits_softmax.py
import torch
import torch.nn.functional as F

torch.set_printoptions(precision=6)
logits = torch.tensor([${s.logits.join(", ")}], dtype=torch.float64, requires_grad=True)
target = torch.tensor([${s.target}])
T = ${s.temperature}

print("softmax(z / T):", F.softmax(logits / T, dim=0).detach())
z0 = logits[0].detach()
print("sigmoid(z0) =", torch.sigmoid(z0).item(), "= softmax([z0, 0])[0] =",
      F.softmax(torch.stack([z0, torch.zeros((), dtype=torch.float64)]), dim=0)[0].item())

# CrossEntropyLoss = LogSoftmax followed by NLLLoss, on raw logits.
log_probs = F.log_softmax(logits, dim=0)
print("LogSoftmax:", log_probs.detach())
nll = F.nll_loss(log_probs.unsqueeze(0), target)
loss = torch.nn.CrossEntropyLoss()(logits.unsqueeze(0), target)
print("NLLLoss(LogSoftmax(z)) =", nll.item(), " CrossEntropyLoss(z) =", loss.item())
(grad,) = torch.autograd.grad(loss, logits)
print("gradient:", grad, "norm", grad.norm().item())

# The mistake: a softmax before CrossEntropyLoss, which applies its own LogSoftmax.
wrong = torch.nn.CrossEntropyLoss()(F.softmax(logits, dim=0).unsqueeze(0), target)
(wrong_grad,) = torch.autograd.grad(wrong, logits)
print("CrossEntropyLoss(softmax(z)) =", wrong.item())
print("its gradient:", wrong_grad, "norm", wrong_grad.norm().item(),
      f"({grad.norm().item() / wrong_grad.norm().item():.3f}x smaller)")

# Logistic regression on the panel's points: full-batch gradient descent from zeros.
points = torch.tensor([${points.map((p) => `[${p.x}, ${p.y}]`).join(", ")}], dtype=torch.float64).reshape(-1, 2)
labels = torch.tensor([${points.map((p) => p.label).join(", ")}])
model = torch.nn.Linear(2, ${binary ? 1 : s.classes}).double()
with torch.no_grad():
    model.weight.zero_()
    model.bias.zero_()
optimizer = torch.optim.SGD(model.parameters(), lr=${s.learningRate})
for epoch in range(${s.epochs}):
    optimizer.zero_grad()
    ${
      binary
        ? "loss = F.binary_cross_entropy_with_logits(model(points).squeeze(1), labels.double())"
        : "loss = F.cross_entropy(model(points), labels)"
    }
    if epoch == 0:
        print("first loss:", loss.item())
    loss.backward()
    optimizer.step()
with torch.no_grad():
    ${
      binary
        ? "final = F.binary_cross_entropy_with_logits(model(points).squeeze(1), labels.double())"
        : "final = F.cross_entropy(model(points), labels)"
    }
print("final loss:", final.item())
print("weight:", model.weight.detach(), "bias:", model.bias.detach())
`;
}
