// The small Python web app chapters 4 and 5 work with: its source, its dependency list, and the
// Dockerfile with the source page's instructions (its comments are ours, as learners will meet them).
export const MYAPP_DIR = '/home/learner/myapp';

/** The Dockerfile chapter 4 shows: the source page's instructions, with our own comments. */
export const MYAPP_DOCKERFILE = `# Python 3.12 on a slim Debian
FROM python:3.12-slim
# Relative paths from here on start at /app
WORKDIR /app
# The dependency list comes in alone, before the
# code, so a code edit does not rerun pip
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
# Then the code
COPY . .
# Its port, and the command that starts it
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
