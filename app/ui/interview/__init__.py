"""The interview screen: outline, rubric levels, notes, evidence, delegation, timer and live summary."""
