{{/* Labels of every object; `component` adds app.kubernetes.io/component. */}}
{{- define "kapal.labels" -}}
app.kubernetes.io/name: kapal
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end }}

{{- define "kapal.selector" -}}
app.kubernetes.io/name: kapal
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "kapal.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "kapal.secretName" -}}
{{ .Values.existingSecret | default (printf "%s-secrets" .Release.Name) }}
{{- end }}

{{/* The service accounts Kapal's processes run as, for the ClusterRoleBindings and the admission policy. */}}
{{- define "kapal.apiUser" -}}
system:serviceaccount:{{ .Release.Namespace }}:{{ .Release.Name }}-api
{{- end }}
{{- define "kapal.workerUser" -}}
system:serviceaccount:{{ .Release.Namespace }}:{{ .Release.Name }}-worker
{{- end }}

{{/* Pod Security `restricted`: non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp. */}}
{{- define "kapal.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end }}
{{- define "kapal.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
{{- end }}

{{/* Environment of every Kapal container: the ConfigMap and the Secret. */}}
{{- define "kapal.envFrom" -}}
- configMapRef:
    name: {{ .Release.Name }}-config
- secretRef:
    name: {{ include "kapal.secretName" . }}
{{- end }}

{{/* A writable /tmp on a read-only root filesystem. */}}
{{- define "kapal.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}
{{- define "kapal.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- end }}

{{/* The migrations container, as the hook Job's or the API's init container. */}}
{{- define "kapal.migrateContainer" -}}
- name: migrate
  image: {{ include "kapal.image" . }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  args: [migrate]
  envFrom:
    {{- include "kapal.envFrom" . | nindent 4 }}
  securityContext:
    {{- include "kapal.containerSecurityContext" . | nindent 4 }}
  volumeMounts:
    {{- include "kapal.tmpMount" . | nindent 4 }}
  resources:
    {{- toYaml .Values.migrations.resources | nindent 4 }}
{{- end }}

{{/* ConfigMap and Secret are hooks too when migrations are: a pre-install hook runs before the release's objects exist. */}}
{{- define "kapal.configHookAnnotations" -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: "-10"
helm.sh/hook-delete-policy: before-hook-creation
{{- end }}

{{/* Changed configuration or secrets restart the pods. */}}
{{- define "kapal.configChecksum" -}}
checksum/config: {{ list .Values.config .Values.secrets | toJson | sha256sum }}
{{- end }}
