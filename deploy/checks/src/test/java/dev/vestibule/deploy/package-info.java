/**
 * Offline checks of {@code deploy/}: the Kubernetes manifests parse as the kinds they claim, the overlays
 * render, the operational policies hold, and the container build and compose files are consistent; no
 * cluster and no Docker engine needed.
 */
package dev.vestibule.deploy;
