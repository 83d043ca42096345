// The course, in order. Pages read this list; nothing else decides what comes after what.
// A chapter is "written" when content/lessons/<slug>.mdx exists (see lib/course.ts).
// Exercise ids are stable forever once published: instructors link to them.

export interface ChapterEntry {
  slug: string;
  title: string;
  summary: string;
  exercises: string[];
}

export const COURSE = {
  title: 'Containers and Kubernetes',
  tagline: 'Run real docker commands in your browser and watch the machine react. The Kubernetes chapters, with kubectl and a live cluster, come next.',
  chapters: [
    {
      slug: 'what-is-a-container',
      title: 'What is a container',
      summary: 'An application and everything it needs, isolated by the kernel it shares with its host.',
      exercises: ['first-container'],
    },
    {
      slug: 'containers-and-virtual-machines',
      title: 'Containers and virtual machines',
      summary: 'Start a container and boot a VM side by side: milliseconds against tens of seconds.',
      exercises: ['container-vs-vm'],
    },
    {
      slug: 'images-and-containers',
      title: 'Images and containers',
      summary: 'Pull nginx, run it on a port, read its logs, then stop and remove it.',
      exercises: ['run-nginx', 'one-image-many-containers'],
    },
    {
      slug: 'building-images',
      title: 'Building images',
      summary: 'Write a Dockerfile for a small Python app and see which layers the cache keeps.',
      exercises: ['build-myapp', 'layer-cache'],
    },
    {
      slug: 'registries',
      title: 'Registries',
      summary: 'Tag an image, log in and push it, then pull it back from the registry.',
      exercises: ['push-to-registry'],
    },
    {
      slug: 'why-orchestration',
      title: 'Why orchestration',
      summary: 'Crashed containers stay down and dead hosts take their work with them, until something watches.',
      exercises: ['life-without-orchestrator'],
    },
    {
      slug: 'kubernetes-concepts',
      title: 'Kubernetes concepts',
      summary: 'Clusters, nodes, pods, deployments, services and namespaces, explored with kubectl.',
      exercises: ['explore-cluster'],
    },
    {
      slug: 'deployments',
      title: 'Deployments',
      summary: 'Declare two nginx replicas, delete a pod and watch it come back, then scale to five.',
      exercises: ['deploy-web', 'self-healing', 'scale-web'],
    },
    {
      slug: 'services',
      title: 'Services',
      summary: 'Give the pods one stable address and a load balancer that follows them.',
      exercises: ['expose-web'],
    },
    {
      slug: 'rolling-updates-and-rollback',
      title: 'Rolling updates and rollback',
      summary: 'Ship a new image with zero downtime, catch a bad one, and roll it back.',
      exercises: ['rolling-update'],
    },
    {
      slug: 'managed-kubernetes',
      title: 'Managed Kubernetes',
      summary: 'EKS, AKS and GKE run the control plane for you; see what changes and what does not.',
      exercises: ['managed-cluster'],
    },
    {
      slug: 'verify-your-work',
      title: 'Verify your work',
      summary: 'The checklist of the whole course, each box ticked by what you actually did.',
      exercises: ['verify-your-work'],
    },
  ] satisfies ChapterEntry[],
} as const;
