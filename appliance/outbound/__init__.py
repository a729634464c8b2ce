"""Outbound: campaign definitions, EMR targeting, the AMI dialer and reports."""
