{{/*
Chart name, truncated to 63 characters (the DNS-1123 label limit).
*/}}
{{- define "smp-api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name, truncated to 63 characters. When the release name
already contains the chart name it is used as is.
*/}}
{{- define "smp-api.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, as used by the helm.sh/chart label.
*/}}
{{- define "smp-api.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Image tag: image.tag, or the chart's appVersion when empty.
*/}}
{{- define "smp-api.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString }}
{{- end }}

{{/*
Full image reference; a digest wins over the tag.
*/}}
{{- define "smp-api.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "smp-api.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
Selector labels: stable for the lifetime of a release.
*/}}
{{- define "smp-api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "smp-api.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Common labels for every resource.
*/}}
{{- define "smp-api.labels" -}}
helm.sh/chart: {{ include "smp-api.chart" . }}
{{ include "smp-api.selectorLabels" . }}
app.kubernetes.io/version: {{ include "smp-api.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: smp
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "smp-api.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "smp-api.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Name of the ConfigMap holding the non-secret settings.
*/}}
{{- define "smp-api.configMapName" -}}
{{- printf "%s-config" (include "smp-api.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fails rendering on inconsistent values. Included by the Deployment.
*/}}
{{- define "smp-api.validateValues" -}}
{{- if .Values.autoscaling.enabled }}
{{- if lt (int .Values.autoscaling.minReplicas) 1 }}
{{- fail "autoscaling.minReplicas must be at least 1" }}
{{- end }}
{{- if lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas) }}
{{- fail "autoscaling.maxReplicas must be greater than or equal to autoscaling.minReplicas" }}
{{- end }}
{{- end }}
{{- end }}
