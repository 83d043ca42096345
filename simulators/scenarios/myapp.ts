// The small Python web app chapters 4 and 5 work with: its source, its dependency list, and the
// Dockerfile from the course's source page (comments included, as learners will meet them).
export const MYAPP_DIR = '/home/learner/myapp';

/** The source page's Dockerfile, as chapter 4 shows it. */
export const MYAPP_DOCKERFILE = `# Start from a small official base image
FROM python:3.12-slim
# Set the working directory inside the image
WORKDIR /app
# Copy dependency list first so this layer caches well
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
# Copy the rest of the application
COPY . .
# Document the port and define the start command
EXPOSE 8000
CMD ["python", "app.py"]
`;

export const MYAPP_FILES: Record<string, string> = {
  [`${MYAPP_DIR}/app.py`]: `from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "Hello from inside a container!\\n"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
`,
  [`${MYAPP_DIR}/requirements.txt`]: 'flask==3.0.3\n',
  [`${MYAPP_DIR}/Dockerfile`]: MYAPP_DOCKERFILE,
  [`${MYAPP_DIR}/.dockerignore`]: '__pycache__/\n*.pyc\n.git\n',
};
